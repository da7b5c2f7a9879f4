/* Tables of coaching comments, notifications, appeals and overrides (issue 8); part of the one `Database` in schema.ts. */

/** A coach's note on one turn of an attempt (`turn` is 1-based), or on the whole attempt (`turn` null). */
export interface CoachingCommentTable {
	id: string;
	attempt_id: string;
	author_id: string;
	turn: number | null;
	body: string;
	created_at: string;
	updated_at: string;
}

export type NotificationKind = 'coaching-comment' | 'appeal-decided';

/** Something a person should know about one of their attempts; unread while `read_at` is null. */
export interface NotificationTable {
	id: string;
	user_id: string;
	kind: NotificationKind;
	attempt_id: string;
	message: string;
	created_at: string;
	read_at: string | null;
}

export type AppealStatus = 'open' | 'upheld' | 'overridden';

/** A learner's request to look at a finished attempt's score again; at most one open per attempt. */
export interface AppealTable {
	id: string;
	attempt_id: string;
	user_id: string;
	reason: string;
	status: AppealStatus;
	created_at: string;
	decided_by: string | null;
	decided_at: string | null;
	decision_reason: string | null;
}

/**
 * One criterion's score changed by a decision. Its own record, never an edit of the attempt's
 * events: replaying them still gives the engine's score, and this says what changed and why.
 */
export interface ScoreOverrideTable {
	id: string;
	attempt_id: string;
	appeal_id: string | null;
	criterion_id: string;
	/** The effective score before this override (null when the criterion had not come up). */
	before_score: number | null;
	after_score: number;
	reason: string;
	decided_by: string;
	decided_at: string;
}

export interface ReviewTables {
	coaching_comment: CoachingCommentTable;
	notification: NotificationTable;
	appeal: AppealTable;
	score_override: ScoreOverrideTable;
}
