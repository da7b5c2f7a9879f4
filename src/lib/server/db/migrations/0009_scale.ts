import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Indexes for a large organisation (issue 9), each named after the query it serves.
export async function up(db: Kysely<any>): Promise<void> {
	// The results export pages through every attempt by (started_at, id) and the criteria export by
	// (user_id, id): with these, each page is one index range instead of a sort of all attempts.
	await db.schema.createIndex('attempt_started_id_idx').on('attempt').columns(['started_at', 'id']).execute();
	await db.schema.createIndex('attempt_user_id_idx').on('attempt').columns(['user_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('attempt_user_id_idx').execute();
	await db.schema.dropIndex('attempt_started_id_idx').execute();
}
