import type { Selectable } from 'kysely';

/* Tables of XP, streaks, badges, certifications and credentials; part of the one `Database` in schema.ts. */

/** Per-learner roll-up of XP and the practice streak, kept current by the attempt's final transaction. */
export interface LearnerProgressTable {
	user_id: string;
	xp: number;
	attempts_rewarded: number;
	streak_current: number;
	streak_longest: number;
	streak_last_day: string | null;
	streak_freeze_week: string | null;
	updated_at: string;
}

export interface AttemptRewardTable {
	attempt_id: string;
	user_id: string;
	scenario_id: string;
	xp: number;
	/** JSON: how the XP was made up. */
	breakdown: string;
	/** JSON: what the attempt changed in certifications and badges; null until evaluated. */
	effect: string | null;
	week: string;
	awarded_at: string;
}

export interface WeeklyXpTable {
	week: string;
	user_id: string;
	xp: number;
}

export interface CertificationTable {
	id: string;
	user_id: string;
	track_id: string;
	track_version: number;
	cycle: number;
	earned_at: string;
	expires_at: string;
	revoked_at: string | null;
	revoked_by: string | null;
	revoked_reason: string | null;
}

export interface CredentialTable {
	id: string;
	certification_id: string;
	user_id: string;
	/** JSON: the OpenBadgeCredential exactly as signed. */
	document: string;
	jwt: string;
	kid: string;
	issued_at: string;
}

export interface SigningKeyTable {
	kid: string;
	public_jwk: string;
	created_at: string;
}

export interface UserBadgeTable {
	user_id: string;
	badge_id: string;
	earned_at: string;
}

export interface CalibrationSubmissionTable {
	id: string;
	user_id: string;
	track_id: string;
	requirement_id: string;
	scenario_id: string;
	submitted_score: number;
	expert_score: number;
	submitted_at: string;
}

export type LearnerProgressRow = Selectable<LearnerProgressTable>;
export type CertificationRow = Selectable<CertificationTable>;
export type CredentialRow = Selectable<CredentialTable>;
