import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
	AttemptRewardTable,
	CalibrationSubmissionTable,
	CertificationTable,
	CredentialTable,
	LearnerProgressTable,
	SigningKeyTable,
	UserBadgeTable,
	WeeklyXpTable
} from './progression-schema';
import type { AssignmentTables } from './assignment-schema';
import type { ReviewTables } from './review-schema';
import type { XapiOutboxTables } from './xapi-outbox-schema';
import type { SignInLimitTables } from './sign-in-limit-schema';
import type { ScaleTables } from './scale-schema';
import type { AnalyticsTables } from './analytics-schema';
import type { CalibrationTables } from './calibration-schema';
import type { AttemptCriteriaTables } from './attempt-criteria-schema';

/*
 * Portable column conventions, so nothing dialect-specific leaks out of this folder:
 * ids are text, timestamps are ISO-8601 UTC text (they sort correctly as text),
 * booleans are 0/1 integers and JSON is text. Repositories map rows to domain types.
 */

export type Role = 'learner' | 'trainer' | 'team_lead' | 'admin';

export interface UserTable {
	id: string;
	email: string;
	name: string;
	role: Role;
	password_hash: string | null;
	active: number;
	/** Bumped by password change, role change and deactivation: every older session dies at once. */
	session_version: number;
	leaderboard_opt_out: number;
	created_at: string;
	updated_at: string;
}

export interface TeamTable {
	id: string;
	name: string;
	created_at: string;
}

export interface TeamMemberTable {
	team_id: string;
	user_id: string;
}

export interface AuthSessionTable {
	id: string;
	user_id: string;
	session_version: number;
	provider: string;
	created_at: string;
	last_seen_at: string;
	expires_at: string;
	revoked_at: string | null;
}

export interface PersonalAccessTokenTable {
	id: string;
	user_id: string;
	name: string;
	/** SHA-256 of the secret: a stolen database does not yield usable tokens. */
	token_hash: string;
	/** The first characters, shown so a person can tell tokens apart. */
	token_prefix: string;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
}

export interface AuditLogTable {
	id: string;
	at: string;
	actor_id: string | null;
	action: string;
	subject_type: string;
	subject_id: string | null;
	details: string;
}

export type ContentStatus = 'draft' | 'published' | 'archived';
export type ContentOrigin = 'file' | 'studio' | 'api';

/** One version of a scenario, rubric or track; `definition` is the validated JSON the engine runs. */
export interface ContentVersionTable {
	content_id: string;
	version: number;
	status: ContentStatus;
	title: string;
	/** The YAML as written, so export gives back exactly what was authored. */
	source: string;
	definition: string;
	content_hash: string;
	origin: ContentOrigin;
	created_by: string | null;
	created_at: string;
	published_at: string | null;
}

export type AttemptStatus = 'in_progress' | 'passed' | 'failed' | 'abandoned';

export interface AttemptTable {
	id: string;
	user_id: string;
	scenario_id: string;
	scenario_version: number;
	rubric_id: string;
	rubric_version: number;
	status: AttemptStatus;
	/** Number of events stored so far; the client echoes it to make steps idempotent. */
	seq: number;
	input: string;
	is_playtest: number;
	/** Derived from the events and kept for listings; always recomputable by replay. */
	score_total: number | null;
	score: string | null;
	started_at: string;
	updated_at: string;
	finished_at: string | null;
}

export type AttemptEventType = 'choose' | 'abandon';

export interface AttemptEventTable {
	attempt_id: string;
	seq: number;
	type: AttemptEventType;
	option_id: string | null;
	at: string;
}

/** Each feature's tables live in its own `*-schema.ts` and join the one Database here. */
export interface Database
	extends AssignmentTables,
		ReviewTables,
		XapiOutboxTables,
		SignInLimitTables,
		ScaleTables,
		AnalyticsTables,
		CalibrationTables,
		AttemptCriteriaTables {
	user: UserTable;
	team: TeamTable;
	team_member: TeamMemberTable;
	auth_session: AuthSessionTable;
	personal_access_token: PersonalAccessTokenTable;
	audit_log: AuditLogTable;
	scenario_version: ContentVersionTable;
	rubric_version: ContentVersionTable;
	track_version: ContentVersionTable;
	attempt: AttemptTable;
	attempt_event: AttemptEventTable;
	badge_version: ContentVersionTable;
	learner_progress: LearnerProgressTable;
	attempt_reward: AttemptRewardTable;
	weekly_xp: WeeklyXpTable;
	certification: CertificationTable;
	credential: CredentialTable;
	signing_key: SigningKeyTable;
	user_badge: UserBadgeTable;
	calibration_submission: CalibrationSubmissionTable;
}

export type ContentKind = 'scenario' | 'rubric' | 'track' | 'badge';
export type ContentVersionRow = Selectable<ContentVersionTable>;
export type AttemptRow = Selectable<AttemptTable>;
export type AttemptEventRow = Selectable<AttemptEventTable>;

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type TeamRow = Selectable<TeamTable>;
export type AuthSessionRow = Selectable<AuthSessionTable>;
export type PersonalAccessTokenRow = Selectable<PersonalAccessTokenTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
