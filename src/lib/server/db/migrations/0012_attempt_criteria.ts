import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Per-criterion scores of finished attempts (issue 9), so the team heatmap and the progress page
// read a few narrow rows instead of each attempt's full score JSON.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('attempt_criterion_score')
		.addColumn('attempt_id', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('scenario_id', 'text', (c) => c.notNull())
		.addColumn('criterion_id', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('score', 'double precision')
		.addColumn('critical_failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('finished_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('attempt_criterion_score_pk', ['attempt_id', 'criterion_id'])
		.execute();
	// "The recent attempts of these users".
	await db.schema.createIndex('attempt_criterion_score_user_finished').on('attempt_criterion_score').columns(['user_id', 'finished_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('attempt_criterion_score').execute();
}
