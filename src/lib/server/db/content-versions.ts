import type { Kysely } from 'kysely';
import { nowIso } from '../clock';
import { preparedQuery } from './prepared-query';
import type { ContentKind, ContentOrigin, ContentStatus, ContentVersionRow, Database } from './schema';

const table = (kind: ContentKind) => `${kind}_version` as const;

export interface ContentVersion<T = unknown> {
	kind: ContentKind;
	id: string;
	version: number;
	status: ContentStatus;
	title: string;
	source: string;
	definition: T;
	contentHash: string;
	origin: ContentOrigin;
	createdBy: string | null;
	createdAt: string;
	publishedAt: string | null;
}

const toContentVersion = <T>(kind: ContentKind, row: ContentVersionRow): ContentVersion<T> => ({
	kind,
	id: row.content_id,
	version: Number(row.version),
	status: row.status,
	title: row.title,
	source: row.source,
	definition: JSON.parse(row.definition) as T,
	contentHash: row.content_hash,
	origin: row.origin,
	createdBy: row.created_by,
	createdAt: row.created_at,
	publishedAt: row.published_at
});

export async function findContentVersion<T>(db: Kysely<Database>, kind: ContentKind, id: string, version: number) {
	const row = await db.selectFrom(table(kind)).selectAll().where('content_id', '=', id).where('version', '=', version).executeTakeFirst();
	return row && toContentVersion<T>(kind, row);
}

/** The newest version of each id, optionally only among those from one origin or status. */
export async function latestVersions<T>(
	db: Kysely<Database>,
	kind: ContentKind,
	filter: { status?: ContentStatus; origin?: ContentOrigin; id?: string } = {}
): Promise<ContentVersion<T>[]> {
	let query = db.selectFrom(table(kind)).selectAll();
	if (filter.status) query = query.where('status', '=', filter.status);
	if (filter.origin) query = query.where('origin', '=', filter.origin);
	if (filter.id) query = query.where('content_id', '=', filter.id);
	const rows = await query.orderBy('content_id').orderBy('version', 'desc').execute();
	const newest = new Map<string, ContentVersionRow>();
	for (const row of rows) if (!newest.has(row.content_id)) newest.set(row.content_id, row);
	return [...newest.values()].map((row) => toContentVersion<T>(kind, row));
}

const newestVersionOf = (kind: ContentKind) =>
	preparedQuery((db, id: string, status: ContentStatus) =>
		db.selectFrom(table(kind)).select('version').where('status', '=', status).where('content_id', '=', id).orderBy('version', 'desc').limit(1)
	);
// Every start reads a scenario's and a rubric's: compiled once per kind (see prepared-query.ts).
const newestVersion: Record<ContentKind, ReturnType<typeof newestVersionOf>> = { scenario: newestVersionOf('scenario'), rubric: newestVersionOf('rubric'), track: newestVersionOf('track'), badge: newestVersionOf('badge') };

/** The number of the newest version of one id with that status: a light read, without source or definition. */
export async function latestVersionNumber(db: Kysely<Database>, kind: ContentKind, id: string, status: ContentStatus): Promise<number | undefined> {
	const [row] = await newestVersion[kind](db, id, status);
	return row && Number(row.version);
}

/** The newest title of each id with that status: a light read for labels, without sources or definitions. */
export async function latestTitles(db: Kysely<Database>, kind: ContentKind, status: ContentStatus = 'published'): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom(table(kind))
		.select(['content_id', 'title'])
		.where('status', '=', status)
		.orderBy('content_id')
		.orderBy('version', 'desc')
		.execute();
	const titles = new Map<string, string>();
	for (const row of rows) if (!titles.has(row.content_id)) titles.set(row.content_id, row.title);
	return titles;
}

export interface NewContentVersion {
	id: string;
	title: string;
	source: string;
	definition: unknown;
	contentHash: string;
	origin: ContentOrigin;
	status: ContentStatus;
	createdBy?: string | null;
}

/**
 * Stores the next version number for the id. Two writers racing for the same number collide on
 * the primary key; the loser gets `undefined` and may re-read.
 */
export async function insertNextVersion(db: Kysely<Database>, kind: ContentKind, input: NewContentVersion) {
	const { max } = await db
		.selectFrom(table(kind))
		.select((eb) => eb.fn.max<number | null>('version').as('max'))
		.where('content_id', '=', input.id)
		.executeTakeFirstOrThrow();
	const at = nowIso();
	const version = Number(max ?? 0) + 1;
	const result = await db
		.insertInto(table(kind))
		.values({
			content_id: input.id,
			version,
			status: input.status,
			title: input.title,
			source: input.source,
			definition: JSON.stringify(input.definition),
			content_hash: input.contentHash,
			origin: input.origin,
			created_by: input.createdBy ?? null,
			created_at: at,
			published_at: input.status === 'published' ? at : null
		})
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? version : undefined;
}
