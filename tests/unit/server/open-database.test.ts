import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/db/open-database';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'rapport-sqlite-')), 'r.db');

const syncLevel = async (sqliteSync?: 'normal' | 'full') => {
	const { db, close } = await openDatabase({ dialect: 'sqlite', file: tempFile() }, { sqliteSync });
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

describe('reused SQLite statements', () => {
	it('give the same answers again, also after more distinct queries than the cache holds', async () => {
		const { db, close } = await openDatabase({ dialect: 'sqlite', file: tempFile() });
		try {
			await sql`create table t (n integer)`.execute(db);
			for (let n = 1; n <= 5; n++) await sql`insert into t (n) values (${n})`.execute(db);
			const upTo = (limit: number) => sql<{ n: number }>`select n from t where n <= ${limit} order by n`;
			expect((await upTo(3).execute(db)).rows.map((r) => r.n)).toEqual([1, 2, 3]);
			expect((await upTo(5).execute(db)).rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
			// 600 distinct texts (IN-lists of every length) push the first one out and back in.
			for (let k = 1; k <= 600; k++) {
				const ids = Array.from({ length: k }, (_, i) => i + 1);
				const rows = await db.selectFrom('t' as never).select('n' as never).where('n' as never, 'in', ids as never).execute();
				expect(rows).toHaveLength(Math.min(k, 5));
			}
			expect((await upTo(2).execute(db)).rows.map((r) => r.n)).toEqual([1, 2]);
		} finally {
			await close();
		}
	});
});
