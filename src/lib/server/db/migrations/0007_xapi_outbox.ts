import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// The LRS forwarding outbox (issue 8): one row per xAPI statement to send, written in the same
// transaction as the event that produces it, so a crash never loses a statement.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('xapi_outbox')
		// The statement's own id (a name-based UUID): enqueuing it twice keeps one row.
		.addColumn('statement_id', 'text', (c) => c.primaryKey())
		// Where the statement is rebuilt from when sent: an attempt or a certification.
		.addColumn('source_kind', 'text', (c) => c.notNull())
		.addColumn('source_id', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_try_at', 'text', (c) => c.notNull())
		// A claim by one instance until this instant; an expired lease can be taken over.
		.addColumn('leased_until', 'text')
		.addColumn('leased_by', 'text')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema.createIndex('xapi_outbox_due_idx').on('xapi_outbox').columns(['status', 'next_try_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('xapi_outbox').execute();
}
