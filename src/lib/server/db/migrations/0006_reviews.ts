import { sql, type Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Coaching comments, notifications, appeals and score overrides (issue 8).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('coaching_comment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('attempt.id').onDelete('cascade'))
		.addColumn('author_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('turn', 'integer')
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('coaching_comment_attempt_idx').on('coaching_comment').columns(['attempt_id', 'created_at']).execute();

	await db.schema
		.createTable('notification')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('attempt.id').onDelete('cascade'))
		.addColumn('message', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('read_at', 'text')
		.execute();
	await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'read_at', 'created_at']).execute();

	await db.schema
		.createTable('appeal')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('attempt.id').onDelete('cascade'))
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'text', (c) => c.references('user.id').onDelete('set null'))
		.addColumn('decided_at', 'text')
		.addColumn('decision_reason', 'text')
		.execute();
	// One open appeal per attempt, kept by the database even when two requests race.
	await db.schema.createIndex('appeal_one_open_idx').on('appeal').column('attempt_id').unique().where(sql.ref('status'), '=', 'open').execute();
	await db.schema.createIndex('appeal_status_idx').on('appeal').columns(['status', 'created_at']).execute();

	await db.schema
		.createTable('score_override')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('attempt.id').onDelete('cascade'))
		.addColumn('appeal_id', 'text', (c) => c.references('appeal.id').onDelete('set null'))
		.addColumn('criterion_id', 'text', (c) => c.notNull())
		.addColumn('before_score', 'real')
		.addColumn('after_score', 'real', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('decided_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('score_override_attempt_idx').on('score_override').columns(['attempt_id', 'decided_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['score_override', 'appeal', 'notification', 'coaching_comment']) {
		await db.schema.dropTable(table).execute();
	}
}
