import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/db/open-database';

const syncLevel = async (sqliteSync?: 'normal' | 'full') => {
	const file = join(mkdtempSync(join(tmpdir(), 'rapport-sync-')), 'r.db');
	const { db, close } = await openDatabase({ dialect: 'sqlite', file }, { sqliteSync });
	try {
		const { rows } = await sql<{ synchronous: number; journal_mode?: string }>`pragma synchronous`.execute(db);
		const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
		return { synchronous: rows[0].synchronous, journal: journal[0].journal_mode };
	} finally {
		await close();
	}
};

describe('openDatabase on SQLite', () => {
	it('uses WAL with NORMAL sync by default and FULL when asked', async () => {
		expect(await syncLevel()).toEqual({ synchronous: 1, journal: 'wal' });
		expect(await syncLevel('full')).toEqual({ synchronous: 2, journal: 'wal' });
	});
});
