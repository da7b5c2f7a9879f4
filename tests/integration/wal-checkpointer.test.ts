import { statSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import type { Database } from '../../src/lib/server/db/schema';
import { checkpointInBackground } from '../../src/lib/server/db/wal-checkpointer';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// SQLite only: PostgreSQL has no write-ahead log for the application to copy back.
describe('SQLite checkpoints in a worker thread', () => {
	let database: TestDatabase | undefined;
	let opened: AppDatabase | undefined;
	afterEach(async () => {
		await opened?.close();
		await database?.drop();
		opened = database = undefined;
	});

	async function open(sqliteCheckpoints: 'inline' | 'background') {
		database = await createTestDatabase('sqlite');
		opened = await openDatabase(database.config, { sqliteCheckpoints });
		await sql`create table filler (id integer primary key, text text not null)`.execute(opened.db);
		return { db: opened.db, file: (database.config as { file: string }).file };
	}
	const autocheckpointOf = async (db: Kysely<Database>) =>
		(await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0].wal_autocheckpoint;
	// About 2 MB in 100 commits, each in its own transaction as the server's steps are.
	const writeFiller = async (db: Kysely<Database>) => {
		for (let i = 0; i < 100; i++) await sql`insert into filler (text) values (${'x'.repeat(20_000)})`.execute(db);
	};

	it('leaves SQLite its own checkpoints unless asked', async () => {
		const { db } = await open('inline');
		expect(await autocheckpointOf(db)).toBe(1000);
	});

	it('copies the log into the database file from the worker, not from the commits', async () => {
		const { db, file } = await open('background');
		expect(await autocheckpointOf(db)).toBe(0);
		const before = statSync(file).size;
		await writeFiller(db);
		// The commits themselves no longer copy anything: the file grows only when the worker's pass comes.
		await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 2_000_000), { timeout: 5_000, interval: 50 });
		const { rows } = await sql<{ count: number }>`select count(*) as count from filler`.execute(db);
		expect(rows[0].count).toBe(100);
	});

	it('hands checkpoints back to SQLite when the worker cannot run', async () => {
		const { db } = await open('inline');
		await sql`pragma wal_autocheckpoint = 0`.execute(db);
		// The worker opens with fileMustExist, so a missing file makes it fail at once.
		const checkpointer = await checkpointInBackground(db, '/nonexistent/rapport.db', { intervalMs: 10 });
		await vi.waitFor(async () => expect(await autocheckpointOf(db)).toBe(1000), { timeout: 5_000, interval: 20 });
		await checkpointer.stop();
	});

	it('stops its worker when the database closes, and the data stays whole', async () => {
		const { db, file } = await open('background');
		await writeFiller(db);
		await opened!.close();
		opened = await openDatabase({ dialect: 'sqlite', file });
		const { rows } = await sql<{ count: number }>`select count(*) as count from filler`.execute(opened.db);
		expect(rows[0].count).toBe(100);
	});
});
