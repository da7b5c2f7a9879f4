import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Covering indexes for the large organisation's pages (issue 9). On SQLite an attempt's score JSON
// (about 5.5 kB) spills into overflow pages, and started_at, updated_at and finished_at are stored
// after it: reading any of them from the table walks that chain for every row. These indexes hold
// every column the pages read, so the rows are never visited. Each one starts with the columns of
// the index it replaces, so every query that used the old one can use the new one.
export async function up(db: Kysely<any>): Promise<void> {
	// A person's attempts: the team view (user_id in …, started_at since) and the progress page's
	// scored attempts (user_id =, status in …).
	await db.schema
		.createIndex('attempt_person_reading_idx')
		.on('attempt')
		.columns(['user_id', 'started_at', 'is_playtest', 'status', 'score_total', 'finished_at', 'updated_at', 'scenario_id', 'scenario_version', 'rubric_id', 'id'])
		.execute();
	await db.schema.dropIndex('attempt_user_idx').execute();
	// The results export, paged by (started_at, id).
	await db.schema
		.createIndex('attempt_export_reading_idx')
		.on('attempt')
		.columns(['started_at', 'id', 'is_playtest', 'status', 'user_id', 'scenario_id', 'scenario_version', 'score_total', 'finished_at'])
		.execute();
	await db.schema.dropIndex('attempt_started_id_idx').execute();
	// A person's criterion scores (the progress page's certification facts): one index range, no row
	// visits, where the index of 0012 looked up each of thousands of rows.
	await db.schema
		.createIndex('attempt_criterion_score_person_reading_idx')
		.on('attempt_criterion_score')
		.columns(['user_id', 'finished_at', 'attempt_id', 'criterion_id', 'score', 'critical_failures'])
		.execute();
	await db.schema.dropIndex('attempt_criterion_score_user_finished').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('attempt_criterion_score_user_finished').on('attempt_criterion_score').columns(['user_id', 'finished_at']).execute();
	await db.schema.dropIndex('attempt_criterion_score_person_reading_idx').execute();
	await db.schema.createIndex('attempt_started_id_idx').on('attempt').columns(['started_at', 'id']).execute();
	await db.schema.dropIndex('attempt_export_reading_idx').execute();
	await db.schema.createIndex('attempt_user_idx').on('attempt').columns(['user_id', 'started_at']).execute();
	await db.schema.dropIndex('attempt_person_reading_idx').execute();
}
