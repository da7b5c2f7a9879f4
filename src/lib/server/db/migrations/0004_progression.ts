import type { Kysely } from 'kysely';

// Frozen in time: never import app code here, and never edit after it has shipped.
export async function up(db: Kysely<any>): Promise<void> {
	// Badge definitions are content like tracks: versioned, loaded from content/badges.
	await db.schema
		.createTable('badge_version')
		.addColumn('content_id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('definition', 'text', (c) => c.notNull())
		.addColumn('content_hash', 'text', (c) => c.notNull())
		.addColumn('origin', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('published_at', 'text')
		.addPrimaryKeyConstraint('badge_version_pk', ['content_id', 'version'])
		.execute();
	await db.schema.createIndex('badge_version_status_idx').on('badge_version').columns(['status', 'content_id']).execute();

	// Per-learner roll-up, updated in the transaction that finishes an attempt: pages never sum attempts.
	await db.schema
		.createTable('learner_progress')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('user.id').onDelete('cascade'))
		.addColumn('xp', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('attempts_rewarded', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('streak_current', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('streak_longest', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('streak_last_day', 'text')
		.addColumn('streak_freeze_week', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	// One row per rewarded attempt: the primary key makes a second award of the same attempt impossible.
	await db.schema
		.createTable('attempt_reward')
		.addColumn('attempt_id', 'text', (c) => c.primaryKey().references('attempt.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('scenario_id', 'text', (c) => c.notNull())
		.addColumn('xp', 'integer', (c) => c.notNull())
		.addColumn('breakdown', 'text', (c) => c.notNull())
		.addColumn('effect', 'text')
		.addColumn('week', 'text', (c) => c.notNull())
		.addColumn('awarded_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('attempt_reward_user_idx').on('attempt_reward').columns(['user_id', 'awarded_at']).execute();

	// Weekly XP per learner for the leaderboards; a new week is simply a new key.
	await db.schema
		.createTable('weekly_xp')
		.addColumn('week', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('xp', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('weekly_xp_pk', ['week', 'user_id'])
		.execute();
	await db.schema.createIndex('weekly_xp_user_idx').on('weekly_xp').column('user_id').execute();

	await db.schema
		.createTable('certification')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('track_id', 'text', (c) => c.notNull())
		.addColumn('track_version', 'integer', (c) => c.notNull())
		.addColumn('cycle', 'integer', (c) => c.notNull())
		.addColumn('earned_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.addColumn('revoked_by', 'text')
		.addColumn('revoked_reason', 'text')
		.execute();
	// Two evaluations racing (two attempts finishing at once, two instances) cannot both issue a cycle.
	await db.schema.createIndex('certification_cycle_uq').on('certification').columns(['user_id', 'track_id', 'cycle']).unique().execute();

	await db.schema
		.createTable('credential')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('certification_id', 'text', (c) => c.notNull().unique().references('certification.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('document', 'text', (c) => c.notNull())
		.addColumn('jwt', 'text', (c) => c.notNull())
		.addColumn('kid', 'text', (c) => c.notNull())
		.addColumn('issued_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('credential_user_idx').on('credential').column('user_id').execute();

	// Public halves of every signing key ever used, so any instance can publish them all.
	await db.schema
		.createTable('signing_key')
		.addColumn('kid', 'text', (c) => c.primaryKey())
		.addColumn('public_jwk', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('user_badge')
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('badge_id', 'text', (c) => c.notNull())
		.addColumn('earned_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('user_badge_pk', ['user_id', 'badge_id'])
		.execute();

	await db.schema
		.createTable('calibration_submission')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('track_id', 'text', (c) => c.notNull())
		.addColumn('requirement_id', 'text', (c) => c.notNull())
		.addColumn('scenario_id', 'text', (c) => c.notNull())
		.addColumn('submitted_score', 'integer', (c) => c.notNull())
		.addColumn('expert_score', 'real', (c) => c.notNull())
		.addColumn('submitted_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('calibration_user_idx').on('calibration_submission').columns(['user_id', 'submitted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'calibration_submission',
		'user_badge',
		'signing_key',
		'credential',
		'certification',
		'weekly_xp',
		'attempt_reward',
		'learner_progress',
		'badge_version'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
