import type { Kysely } from 'kysely';
import type { Problem } from '../../content/problem';
import type { AuthoredKind } from '../../studio/content-kinds';
import type { Actor } from '../access';
import { contentHash } from '../content/sync-content';
import { publishDraft, replaceDraft } from '../db/content-drafts';
import { insertNextVersion, latestVersions, type ContentVersion } from '../db/content-versions';
import type { ContentStatus, Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { validateContentSource } from './validate-content';

export interface SavedVersion {
	id: string;
	version: number;
	status: ContentStatus;
	/** The draft's revision: the hash of its text, sent back as the base of the next save. */
	revision: string;
	created: boolean;
}

export type Invalid = { ok: false; error: 'invalid'; message: string; problems: Problem[] };
/** A save based on an older revision: both texts go back so nothing is lost. */
export type Stale = { ok: false; error: 'conflict'; message: string; current: { version: number; revision: string; source: string } };

export const saved = (v: ContentVersion, created: boolean): SavedVersion => ({
	id: v.id,
	version: v.version,
	status: v.status,
	revision: v.contentHash,
	created
});

const staleFrom = (latest: ContentVersion): Stale => ({
	ok: false,
	error: 'conflict',
	message: `Version ${latest.version} changed since you opened it; compare and save again`,
	current: { version: latest.version, revision: latest.contentHash, source: latest.source }
});

export const invalid = (message: string, problems: Problem[]): Invalid => ({ ok: false, error: 'invalid', message, problems });

export const latestContent = async (db: Kysely<Database>, kind: AuthoredKind, id: string) => (await latestVersions(db, kind, { id }))[0];

/**
 * Saves a scenario's, rubric's or track's text as a draft. Unchanged text stores nothing; over a
 * draft it rewrites that draft; over a published or archived version it starts version N+1.
 * `baseRevision`, when given, must be the revision the editor started from, so two trainers never
 * silently overwrite each other.
 */
export async function saveDraft(
	db: Kysely<Database>,
	actor: Actor,
	kind: AuthoredKind,
	id: string,
	source: string,
	options: { baseRevision?: string; origin?: 'studio' | 'api' } = {}
): Promise<Result<SavedVersion> | Invalid | Stale> {
	const check = await validateContentSource(db, kind, id, source);
	if (!check.definition) return invalid(`The ${kind} has problems`, check.problems);
	const hash = contentHash(source);
	const latest = await latestContent(db, kind, id);
	if (latest?.contentHash === hash) return ok(saved(latest, false));
	if (options.baseRevision && latest && options.baseRevision !== latest.contentHash) return staleFrom(latest);
	const change = { title: check.definition.title, source, definition: check.definition, contentHash: hash, editedBy: actor.id };
	if (latest?.status === 'draft') {
		const replaced = await replaceDraft(db, kind, { id, version: latest.version, expectedHash: options.baseRevision }, change);
		if (!replaced) return staleFrom((await latestContent(db, kind, id))!);
		return ok({ id, version: latest.version, status: 'draft', revision: hash, created: false });
	}
	const version = await insertNextVersion(db, kind, { ...change, id, origin: options.origin ?? 'studio', status: 'draft', createdBy: actor.id });
	if (!version) return staleFrom((await latestContent(db, kind, id))!);
	return ok({ id, version, status: 'draft', revision: hash, created: true });
}

/**
 * Publishes the latest draft after checking it again (the library may have changed since it was
 * saved). Publishing when the latest version is already published answers with that version.
 */
export async function publishContent(db: Kysely<Database>, kind: AuthoredKind, id: string): Promise<Result<SavedVersion> | Invalid> {
	const latest = await latestContent(db, kind, id);
	if (!latest) return failure('not-found', `No ${kind} "${id}"`);
	if (latest.status === 'published') return ok(saved(latest, false));
	if (latest.status !== 'draft') return failure('conflict', `Version ${latest.version} is ${latest.status}; save a new draft first`);
	const check = await validateContentSource(db, kind, id, latest.source, true);
	if (!check.definition) return invalid('The draft has problems', check.problems);
	if (!(await publishDraft(db, kind, latest, check.definition))) return failure('conflict', 'The draft changed while publishing; try again');
	return ok({ ...saved(latest, false), status: 'published' });
}
