import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestDatabase } from '../test-database';

/**
 * Runs one statement straight on a test server's database, for what no page can do on purpose
 * (age a session, find another team's record). Parameters are `$1`, `$2`… on both dialects.
 */
export async function rawSql<T = Record<string, unknown>>(database: TestDatabase, sql: string, params: unknown[] = []): Promise<T[]> {
	if (database.config.dialect === 'sqlite') {
		const sqlite = new Database(database.config.file);
		try {
			sqlite.pragma('busy_timeout = 5000');
			const statement = sqlite.prepare(sql.replace(/\$\d+/g, '?'));
			return statement.reader ? (statement.all(...params) as T[]) : (statement.run(...params), []);
		} finally {
			sqlite.close();
		}
	}
	const client = new pg.Client({ connectionString: database.url });
	await client.connect();
	try {
		return (await client.query(sql, params)).rows as T[];
	} finally {
		await client.end();
	}
}
