import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('assignment')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('content_kind', 'text', (c) => c.notNull())
		.addColumn('content_id', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('cancelled_at', 'text')
		.addColumn('cancelled_by', 'text')
		.execute();
	// The list page: newest first.
	await db.schema.createIndex('assignment_created_idx').on('assignment').column('created_at').execute();

	await db.schema
		.createTable('assignment_target')
		.addColumn('assignment_id', 'text', (c) => c.notNull().references('assignment.id').onDelete('cascade'))
		.addColumn('target_type', 'text', (c) => c.notNull())
		.addColumn('target_id', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('assignment_target_pk', ['assignment_id', 'target_type', 'target_id'])
		.execute();
	// A learner's assignments: by their own id and their teams' ids.
	await db.schema.createIndex('assignment_target_lookup_idx').on('assignment_target').columns(['target_type', 'target_id']).execute();

	// Completion: per scenario, each assignee's attempts since the assignment, read from the index alone.
	await db.schema
		.createIndex('attempt_assignment_idx')
		.on('attempt')
		.columns(['scenario_id', 'is_playtest', 'user_id', 'started_at', 'status'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('attempt_assignment_idx').execute();
	await db.schema.dropTable('assignment_target').execute();
	await db.schema.dropTable('assignment').execute();
}
