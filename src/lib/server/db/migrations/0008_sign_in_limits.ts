import type { Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('sign_in_limit')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('window_started_at', 'text', (c) => c.notNull())
		.addColumn('locked_until', 'text')
		.addColumn('lock_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('sign_in_known_address')
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('last_success_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('sign_in_known_address_pk', ['email', 'address'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('sign_in_known_address').execute();
	await db.schema.dropTable('sign_in_limit').execute();
}
