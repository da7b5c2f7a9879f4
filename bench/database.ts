import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { syncContentFolder } from '../src/lib/server/content/sync-content';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { openDatabase, type AppDatabase, type OpenOptions } from '../src/lib/server/db/open-database';

export const DATA = fileURLToPath(new URL('./.data/', import.meta.url));
const CONTENT = fileURLToPath(new URL('../content', import.meta.url));

export interface BenchDatabase {
	url: string;
	dialect: 'sqlite' | 'postgres';
	/** A folder for the server's generated secrets. */
	dataDir: string;
}

const withDatabaseName = (url: string, name: string) => {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
};

/** A SQLite file under bench/.data; `fresh` deletes any earlier one first. */
export function sqliteDatabase(name: string, fresh: boolean): BenchDatabase {
	const dir = join(DATA, name);
	if (fresh) rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return { url: `file:${join(dir, 'rapport.db')}`, dialect: 'sqlite', dataDir: dir };
}

export async function postgresExists(adminUrl: string, name: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
	} finally {
		await client.end();
	}
}

/** A PostgreSQL database of that name beside the admin URL's; `fresh` drops and recreates it. */
export async function postgresDatabase(adminUrl: string, name: string, fresh: boolean): Promise<BenchDatabase> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		if (fresh) await client.query(`drop database if exists ${name} with (force)`);
		const exists = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
		if (!exists) await client.query(`create database ${name}`);
	} finally {
		await client.end();
	}
	const dataDir = join(DATA, `pg-${name}`);
	mkdirSync(dataDir, { recursive: true });
	return { url: withDatabaseName(adminUrl, name), dialect: 'postgres', dataDir };
}

export async function postgresReachable(url: string | undefined): Promise<boolean> {
	if (!url) return false;
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.end();
		return true;
	} catch {
		return false;
	}
}

/** Opens the database, migrates it and loads content/ as the server's start-up would. */
export async function openMigrated(database: BenchDatabase, options: OpenOptions = {}): Promise<AppDatabase> {
	const config = database.dialect === 'sqlite' ? { dialect: 'sqlite' as const, file: database.url.slice('file:'.length) } : { dialect: 'postgres' as const, url: database.url };
	const opened = await openDatabase(config, options);
	await migrateToLatest(opened.db);
	await syncContentFolder(opened.db, CONTENT);
	return opened;
}
