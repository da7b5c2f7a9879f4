import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import { ConfigError, type DatabaseConfig, type SqliteSync } from '../config';
import type { Database } from './schema';
import { checkpointInBackground } from './wal-checkpointer';

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
	return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(native) }) });
};

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew, and preparing was about 8% of a step's CPU. The same SQL text
 * reuses its statement; one still busy (a stream being read) is not shared, a fresh one serves.
 */
const reusingStatements = (native: SQLite.Database): SqliteDatabase => {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => native.close(),
		prepare: (text: string) => {
			const cached = cache.get(text);
			if (cached && !cached.busy) return cached;
			const statement = native.prepare(text);
			if (!cached) {
				// Oldest first out: SQL with IN-lists of every length must not grow the cache for ever.
				if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
				cache.set(text, statement);
			}
			return statement;
		}
	};
};

const openPostgres = (url: string): Kysely<Database> => {
	const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
	// An idle client losing its connection must not crash the process.
	pool.on('error', (e) => console.error(`database: idle connection error: ${e.message}`));
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
};

export interface OpenOptions {
	sqliteSync?: SqliteSync;
	/** 'background' (the server's choice) moves SQLite's checkpoints off this thread; see wal-checkpointer.ts. */
	sqliteCheckpoints?: 'inline' | 'background';
}

/** Opens and pings the database; an unreachable one is a ConfigError naming DATABASE_URL. */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<AppDatabase> {
	const db = config.dialect === 'sqlite' ? openSqlite(config.file, options.sqliteSync ?? 'normal') : openPostgres(config.url);
	try {
		await sql`select 1`.execute(db);
	} catch (e) {
		await db.destroy().catch(() => {});
		throw new ConfigError('DATABASE_URL', `database unreachable (${(e as Error).message})`);
	}
	if (config.dialect === 'sqlite' && config.file !== ':memory:' && options.sqliteCheckpoints === 'background') {
		const checkpointer = await checkpointInBackground(db, config.file);
		return { db, dialect: config.dialect, close: () => checkpointer.stop().then(() => db.destroy()) };
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
