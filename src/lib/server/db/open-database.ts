import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { ConfigError, type DatabaseConfig, type SqliteSync } from '../config';
import type { Database } from './schema';

export interface AppDatabase {
	db: Kysely<Database>;
	dialect: DatabaseConfig['dialect'];
	close: () => Promise<void>;
}

const openSqlite = (file: string, sync: SqliteSync): Kysely<Database> => {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	let native: SQLite.Database;
	try {
		native = new SQLite(file);
	} catch (e) {
		throw new ConfigError('DATABASE_URL', `cannot open SQLite file ${file} (${(e as Error).message})`);
	}
	// WAL lets readers run beside the writer. In WAL, NORMAL keeps every acknowledged step through a
	// crash of the process (SIGKILL included) without an fsync per commit, which capped a server at
	// ~170 steps/s on this disk; only a power cut can lose the last moments. FULL survives that too.
	native.pragma('journal_mode = WAL');
	native.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
	native.pragma('foreign_keys = ON');
	native.pragma('busy_timeout = 5000');
	return new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
};

const openPostgres = (url: string): Kysely<Database> => {
	const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
	// An idle client losing its connection must not crash the process.
	pool.on('error', (e) => console.error(`database: idle connection error: ${e.message}`));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
};

/** Opens and pings the database; an unreachable one is a ConfigError naming DATABASE_URL. */
export async function openDatabase(config: DatabaseConfig, options: { sqliteSync?: SqliteSync } = {}): Promise<AppDatabase> {
	const db = config.dialect === 'sqlite' ? openSqlite(config.file, options.sqliteSync ?? 'normal') : openPostgres(config.url);
	try {
		await sql`select 1`.execute(db);
	} catch (e) {
		await db.destroy().catch(() => {});
		throw new ConfigError('DATABASE_URL', `database unreachable (${(e as Error).message})`);
	}
	return { db, dialect: config.dialect, close: () => db.destroy() };
}

export async function isDatabaseReachable(db: Kysely<Database>): Promise<boolean> {
	try {
		await sql`select 1`.execute(db);
		return true;
	} catch {
		return false;
	}
}
