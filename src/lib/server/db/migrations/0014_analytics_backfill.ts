import { sql, type Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// The start-up back-fill of scenario analytics (issue 9) goes a page at a time, each page in its
// own transaction; one row records how far it got, so two instances starting together take the
// pages in turn, and one that stopped half-way is resumed, never restarted on top of its sums.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('analytics_backfill')
		.addColumn('id', 'text', (c) => c.primaryKey())
		// The last attempt id rolled up; pages go in id order.
		.addColumn('after_id', 'text', (c) => c.notNull())
		.addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	// Roll-ups that already hold rows were filled by the earlier one-transaction back-fill or by
	// finished attempts: never add the history again.
	const at = new Date().toISOString();
	await sql`insert into analytics_backfill (id, after_id, done, updated_at)
		select 'scenario-analytics', '', 1, ${at} where exists (select 1 from analytics_outcome)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('analytics_backfill').execute();
}
