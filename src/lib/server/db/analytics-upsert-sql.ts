/*
 * The SQL text of the roll-up upserts, built by hand. A finished attempt writes ~70 rows through
 * five fixed-shape upserts; building them with Kysely's query builder (operation nodes, freezing,
 * compiling) cost more than SQLite's work. The text only depends on the shape (SQLite: table and
 * row count; PostgreSQL: which tables), so it is built once and, on SQLite, reuses its prepared
 * statement (open-database.ts caches them by text).
 */

/** One roll-up table: its key columns (the primary key, in order) and its counters. */
export interface RollupShape {
	table: string;
	key: string[];
	counters: string[];
}

const quote = (name: string) => `"${name}"`;

/** SQLite: `insert … values (?,…),(?,…) on conflict (key) do update set c = t.c + excluded.c`. */
export function upsertStatement(shape: RollupShape, rowCount: number): string {
	const columns = [...shape.key, ...shape.counters];
	const tuple = () => `(${columns.map(() => '?').join(',')})`;
	const values = Array.from({ length: rowCount }, tuple).join(',');
	return `insert into ${quote(shape.table)} (${columns.map(quote).join(',')}) values ${values}${onConflict(shape)}`;
}

const onConflict = (shape: RollupShape) =>
	` on conflict (${shape.key.map(quote).join(',')}) do update set ` +
	shape.counters.map((c) => `${quote(c)} = ${quote(shape.table)}.${quote(c)} + excluded.${quote(c)}`).join(', ');

/**
 * PostgreSQL: the upserts as one statement (one round trip), each a data-modifying CTE fed one
 * array per column and zipped by unnest, so the text depends only on which tables have rows. Each
 * CTE runs to completion though nothing reads it; none is the main query, so the tables are always
 * written in the same relative order whichever of them an attempt has rows for (no deadlock).
 */
export function arraysUpsertStatement(shapes: RollupShape[]): string {
	let next = 1;
	const ctes = shapes.map((shape, i) => {
		const arrays = [...shape.key.map(() => `$${next++}::text[]`), ...shape.counters.map(() => `$${next++}::bigint[]`)];
		const columns = [...shape.key, ...shape.counters];
		return `u${i} as (insert into ${quote(shape.table)} (${columns.map(quote).join(',')}) select * from unnest(${arrays.join(',')})${onConflict(shape)})`;
	});
	return `with ${ctes.join(', ')} select 1`;
}

/** The arrays for arraysUpsertStatement: one per column, in its column order. */
export function columnArraysOf(shape: RollupShape, rows: readonly Record<string, unknown>[]): unknown[][] {
	return [...shape.key, ...shape.counters].map((c) => rows.map((r) => r[c]));
}

/** The rows' values, row after row, in the statement's column order. */
export function parametersOf(shape: RollupShape, rows: readonly Record<string, unknown>[]): unknown[] {
	const columns = [...shape.key, ...shape.counters];
	const out: unknown[] = [];
	for (const row of rows) for (const c of columns) out.push(row[c]);
	return out;
}

/**
 * One lock order for every writer: two attempts ending at once cannot deadlock on PostgreSQL.
 * Any total order shared by all writers will do; a NUL-joined key sorts like the key tuple.
 */
export function sortedByKey<T extends Record<string, unknown>>(rows: readonly T[], key: string[]): T[] {
	const keyed = rows.map((row) => ({ row, k: key.map((c) => String(row[c])).join('\u0000') }));
	keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
	return keyed.map((r) => r.row);
}

/** A small memo of statement texts by shape; cleared when full (the shapes in use are few). */
export function textCache(limit = 256) {
	const texts = new Map<string, string>();
	return (shapeKey: string, build: () => string) => {
		let text = texts.get(shapeKey);
		if (text === undefined) {
			if (texts.size >= limit) texts.clear();
			text = build();
			texts.set(shapeKey, text);
		}
		return text;
	};
}
