import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Insertable } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';

type Table = keyof Database;
type Row<T extends Table> = Insertable<Database[T]>;

/**
 * Buffers rows per table and writes them as multi-row INSERTs with prepared statements, many
 * batches per transaction. Row types are the app's own (`Insertable<Database[T]>`), so a column
 * the schema does not know fails the type check rather than the run.
 */
export interface BulkWriter {
	add<T extends Table>(table: T, row: Row<T>): Promise<void>;
	flush(): Promise<void>;
	close(): Promise<void>;
}

const ROWS_PER_STATEMENT = 200;
const ROWS_PER_TRANSACTION = 50_000;

export function sqliteBulkWriter(file: string): BulkWriter {
	const native = new SQLite(file);
	// Generating is rebuildable from scratch: no need to pay for durability while writing.
	native.pragma('journal_mode = WAL');
	native.pragma('synchronous = OFF');
	native.pragma('cache_size = -200000');
	// Secondary indexes are built once at the end: a million random inserts into each of them cost
	// far more than one sorted build. Only the CREATE INDEX statements go (constraints' own indexes,
	// which have no SQL, stay), and they come back verbatim, so the schema ends up the same.
	const indexes = native.prepare("select name, sql from sqlite_master where type = 'index' and sql is not null").all() as { name: string; sql: string }[];
	for (const index of indexes) native.exec(`drop index "${index.name}"`);
	const buffers = new Map<Table, Record<string, unknown>[]>();
	const statements = new Map<string, SQLite.Statement>();
	let pending = 0;
	native.exec('begin');
	const write = (table: Table, rows: Record<string, unknown>[]) => {
		const columns = Object.keys(rows[0]);
		const key = `${table}/${columns.join(',')}/${rows.length}`;
		let statement = statements.get(key);
		if (!statement) {
			const tuple = `(${columns.map(() => '?').join(',')})`;
			statement = native.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${rows.map(() => tuple).join(',')}`);
			statements.set(key, statement);
		}
		statement.run(rows.flatMap((r) => columns.map((c) => r[c] as unknown)));
	};
	const drain = (table: Table) => {
		const rows = buffers.get(table);
		if (!rows?.length) return;
		for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) write(table, rows.slice(i, i + ROWS_PER_STATEMENT));
		buffers.set(table, []);
	};
	const flush = async () => {
		for (const table of buffers.keys()) drain(table);
		native.exec('commit');
		native.exec('begin');
		pending = 0;
	};
	return {
		add: async (table, row) => {
			let rows = buffers.get(table);
			if (!rows) buffers.set(table, (rows = []));
			rows.push(row as Record<string, unknown>);
			// Every table in the order first seen, so parents land before their children (foreign keys).
			if (rows.length >= ROWS_PER_STATEMENT * 10) for (const t of buffers.keys()) drain(t);
			if (++pending >= ROWS_PER_TRANSACTION) await flush();
		},
		flush,
		close: async () => {
			await flush();
			native.exec('commit');
			for (const index of indexes) native.exec(index.sql);
			native.pragma('wal_checkpoint(TRUNCATE)');
			native.close();
		}
	};
}

// PostgreSQL allows 65,535 parameters per statement.
const PG_MAX_PARAMETERS = 60_000;

export async function postgresBulkWriter(url: string): Promise<BulkWriter> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	await client.query('set synchronous_commit = off');
	await client.query('begin');
	const buffers = new Map<Table, Record<string, unknown>[]>();
	let pending = 0;
	const drain = async (table: Table) => {
		const rows = buffers.get(table);
		if (!rows?.length) return;
		buffers.set(table, []);
		const columns = Object.keys(rows[0]);
		const perStatement = Math.floor(PG_MAX_PARAMETERS / columns.length);
		for (let i = 0; i < rows.length; i += perStatement) {
			const batch = rows.slice(i, i + perStatement);
			const values: unknown[] = [];
			const tuples = batch.map((row) => `(${columns.map((c) => `$${values.push(row[c] as unknown)}`).join(',')})`);
			await client.query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${tuples.join(',')}`, values);
		}
	};
	const flush = async () => {
		for (const table of buffers.keys()) await drain(table);
		await client.query('commit');
		await client.query('begin');
		pending = 0;
	};
	return {
		add: async (table, row) => {
			let rows = buffers.get(table);
			if (!rows) buffers.set(table, (rows = []));
			rows.push(row as Record<string, unknown>);
			if (rows.length >= 20_000) for (const t of buffers.keys()) await drain(t);
			if (++pending >= ROWS_PER_TRANSACTION * 4) await flush();
		},
		flush,
		close: async () => {
			await flush();
			await client.query('commit');
			await client.query('analyze');
			await client.end();
		}
	};
}
