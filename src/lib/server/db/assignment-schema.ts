import type { Selectable } from 'kysely';

/* Tables of assignments (issue 7); part of the one `Database` in schema.ts. */

export type AssignmentKind = 'scenario' | 'track';
export type AssignmentTargetType = 'team' | 'user';

/** A published scenario or track given to teams or people, due on a day. */
export interface AssignmentTable {
	id: string;
	content_kind: AssignmentKind;
	content_id: string;
	/** A calendar day, YYYY-MM-DD (UTC): due by the end of it. */
	due_on: string;
	/** Plain text, at most 500 characters; shown as text, never as markup. */
	note: string;
	created_by: string;
	created_at: string;
	cancelled_at: string | null;
	cancelled_by: string | null;
}

/**
 * Who an assignment is for. A team target is resolved when someone looks: the team's learners at
 * that moment, so new joiners get it too and leavers drop out of its completion.
 */
export interface AssignmentTargetTable {
	assignment_id: string;
	target_type: AssignmentTargetType;
	target_id: string;
}

export interface AssignmentTables {
	assignment: AssignmentTable;
	assignment_target: AssignmentTargetTable;
}

export type AssignmentRow = Selectable<AssignmentTable>;
export type AssignmentTargetRow = Selectable<AssignmentTargetTable>;
