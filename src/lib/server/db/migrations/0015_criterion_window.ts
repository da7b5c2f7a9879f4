import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Each learner's newest scored attempts with their criterion scores (issue 9), kept by the
// transactions that finish or override an attempt, so the team heatmap reads one row per member
// instead of every criterion row of ten attempts each. Filled for existing data at start-up.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('criterion_window')
		.addColumn('user_id', 'text', (c) => c.primaryKey())
		// JSON, newest first; null only inside the transaction that is about to build it.
		.addColumn('attempts', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('criterion_window').execute();
}
