import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { migrateToLatest } from '../../../src/lib/server/db/migrate';
import { openDatabase, type AppDatabase } from '../../../src/lib/server/db/open-database';
import type { Database } from '../../../src/lib/server/db/schema';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database';

/**
 * A fresh, migrated database (no server, no demo data) for the tests of one describe block: made
 * before them and dropped after. Read `.db` inside a test, once beforeAll has run.
 */
export function migratedDatabase(dialect: Dialect): { readonly db: Kysely<Database> } {
	let database: TestDatabase | undefined;
	let opened: AppDatabase | undefined;
	beforeAll(async () => {
		database = await createTestDatabase(dialect);
		opened = await openDatabase(database.config);
		await migrateToLatest(opened.db);
	});
	afterAll(async () => {
		await opened?.close();
		await database?.drop();
	});
	return {
		get db() {
			if (!opened) throw new Error('the test database is made in beforeAll');
			return opened.db;
		}
	};
}
