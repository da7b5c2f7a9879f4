import type { Kysely } from 'kysely';

// Frozen in time: never import app code here, and never edit after it has shipped.
export async function up(db: Kysely<any>): Promise<void> {
	// Every version of every content file, immutable once published; attempts point at one.
	for (const kind of ['scenario', 'rubric', 'track']) {
		await db.schema
			.createTable(`${kind}_version`)
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
			.addPrimaryKeyConstraint(`${kind}_version_pk`, ['content_id', 'version'])
			.execute();
		await db.schema.createIndex(`${kind}_version_status_idx`).on(`${kind}_version`).columns(['status', 'content_id']).execute();
	}

	await db.schema
		.createTable('attempt')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('scenario_id', 'text', (c) => c.notNull())
		.addColumn('scenario_version', 'integer', (c) => c.notNull())
		.addColumn('rubric_id', 'text', (c) => c.notNull())
		.addColumn('rubric_version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('input', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('is_playtest', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('score_total', 'real')
		.addColumn('score', 'text')
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.execute();
	await db.schema.createIndex('attempt_user_idx').on('attempt').columns(['user_id', 'started_at']).execute();
	await db.schema.createIndex('attempt_scenario_idx').on('attempt').columns(['scenario_id', 'status']).execute();

	// Append-only: the primary key makes a second write of the same step impossible.
	await db.schema
		.createTable('attempt_event')
		.addColumn('attempt_id', 'text', (c) => c.notNull().references('attempt.id').onDelete('cascade'))
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('option_id', 'text')
		.addColumn('at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('attempt_event_pk', ['attempt_id', 'seq'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['attempt_event', 'attempt', 'track_version', 'rubric_version', 'scenario_version']) {
		await db.schema.dropTable(table).execute();
	}
}
