import type { Kysely } from 'kysely';
import { nowIso } from '../clock';
import type { ContentKind, ContentStatus, Database } from './schema';

const table = (kind: ContentKind) => `${kind}_version` as const;

export interface DraftChange {
	title: string;
	source: string;
	definition: unknown;
	contentHash: string;
	editedBy: string;
}

/**
 * Rewrites a draft in place: autosave must not mint a version per keystroke. Only a row that is
 * still a draft (and, when given, still has the text the editor started from) is touched, so a
 * publish or another trainer's save in between makes this return false instead of losing work.
 */
export async function replaceDraft(
	db: Kysely<Database>,
	kind: ContentKind,
	ref: { id: string; version: number; expectedHash?: string },
	change: DraftChange
): Promise<boolean> {
	let query = db
		.updateTable(table(kind))
		.set({
			title: change.title,
			source: change.source,
			definition: JSON.stringify(change.definition),
			content_hash: change.contentHash,
			created_by: change.editedBy,
			created_at: nowIso()
		})
		.where('content_id', '=', ref.id)
		.where('version', '=', ref.version)
		.where('status', '=', 'draft');
	if (ref.expectedHash) query = query.where('content_hash', '=', ref.expectedHash);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Freezes a draft as published, with the definition checked again against today's library. */
export async function publishDraft(
	db: Kysely<Database>,
	kind: ContentKind,
	ref: { id: string; version: number },
	definition: unknown
): Promise<boolean> {
	const result = await db
		.updateTable(table(kind))
		.set({ status: 'published', published_at: nowIso(), definition: JSON.stringify(definition) })
		.where('content_id', '=', ref.id)
		.where('version', '=', ref.version)
		.where('status', '=', 'draft')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Takes every published version of an id off the catalog; attempts keep their own version. */
export async function archiveContent(db: Kysely<Database>, kind: ContentKind, id: string): Promise<number> {
	const result = await db
		.updateTable(table(kind))
		.set({ status: 'archived' })
		.where('content_id', '=', id)
		.where('status', '=', 'published')
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * Puts the newest archived version of an id back on the catalog. Older archived versions stay
 * archived: only the newest published version is ever served.
 */
export async function restoreArchived(db: Kysely<Database>, kind: ContentKind, id: string): Promise<number | undefined> {
	const newest = await db
		.selectFrom(table(kind))
		.select('version')
		.where('content_id', '=', id)
		.where('status', '=', 'archived')
		.orderBy('version', 'desc')
		.executeTakeFirst();
	if (!newest) return undefined;
	const result = await db
		.updateTable(table(kind))
		.set({ status: 'published' })
		.where('content_id', '=', id)
		.where('version', '=', newest.version)
		.where('status', '=', 'archived')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0 ? Number(newest.version) : undefined;
}

export interface VersionSummary {
	version: number;
	status: ContentStatus;
	title: string;
	createdBy: string | null;
	createdAt: string;
	publishedAt: string | null;
	origin: string;
}

/** Every version of one id, newest first, without the (large) source and definition. */
export async function listVersions(db: Kysely<Database>, kind: ContentKind, id: string): Promise<VersionSummary[]> {
	const rows = await db
		.selectFrom(table(kind))
		.select(['version', 'status', 'title', 'created_by', 'created_at', 'published_at', 'origin'])
		.where('content_id', '=', id)
		.orderBy('version', 'desc')
		.execute();
	return rows.map((r) => ({
		version: Number(r.version),
		status: r.status,
		title: r.title,
		createdBy: r.created_by,
		createdAt: r.created_at,
		publishedAt: r.published_at,
		origin: r.origin
	}));
}
