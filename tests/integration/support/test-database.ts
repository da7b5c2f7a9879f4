import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../../src/lib/server/config';

export type Dialect = DatabaseConfig['dialect'];

/**
 * The dialects this run covers. `scripts/test.js` sets TEST_DATABASE_URL when PostgreSQL is
 * reachable (and fails the run in CI when it is not), so a PostgreSQL suite never silently skips.
 */
export const dialects: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export const dialectLabel = (d: Dialect) => `[${d}]`;

export interface TestDatabase {
	url: string;
	config: DatabaseConfig;
	drop: () => Promise<void>;
}

const withDatabaseName = (url: string, name: string) => {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
};

/** A new, empty database: a temp SQLite file, or a freshly created PostgreSQL database. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
	if (dialect === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
		const file = join(dir, 'rapport.db');
		return {
			url: `file:${file}`,
			config: { dialect, file },
			drop: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
	const admin = process.env.TEST_DATABASE_URL!;
	const name = `rapport_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	await client.query(`create database ${name}`);
	await client.end();
	const url = withDatabaseName(admin, name);
	return {
		url,
		config: { dialect, url },
		drop: async () => {
			const c = new pg.Client({ connectionString: admin });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}
