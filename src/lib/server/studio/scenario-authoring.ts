import type { Kysely } from 'kysely';
import type { Problem } from '../../content/problem';
import type { Actor } from '../access';
import { contentHash } from '../content/sync-content';
import { publishDraft, replaceDraft } from '../db/content-drafts';
import { insertNextVersion, latestVersions, type ContentVersion } from '../db/content-versions';
import type { ContentStatus, Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { validateScenarioSource } from './validate-scenario';

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

const saved = (v: ContentVersion, created: boolean): SavedVersion => ({
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

export const latestScenario = async (db: Kysely<Database>, id: string) => (await latestVersions(db, 'scenario', { id }))[0];

/**
 * Saves a scenario's text as a draft. Unchanged text stores nothing; over a draft it rewrites
 * that draft; over a published version it starts version N+1. `baseRevision`, when given, must be
 * the revision the editor started from, so two trainers never silently overwrite each other.
 */
export async function saveScenarioDraft(
	db: Kysely<Database>,
	actor: Actor,
	id: string,
	source: string,
	options: { baseRevision?: string; origin?: 'studio' | 'api' } = {}
): Promise<Result<SavedVersion> | Invalid | Stale> {
	const check = await validateScenarioSource(db, id, source);
	if (!check.scenario) return { ok: false, error: 'invalid', message: 'The scenario has problems', problems: check.problems };
	const hash = contentHash(source);
	const latest = await latestScenario(db, id);
	if (latest?.contentHash === hash) return ok(saved(latest, false));
	if (options.baseRevision && latest && options.baseRevision !== latest.contentHash) return staleFrom(latest);
	const change = { title: check.scenario.title, source, definition: check.scenario, contentHash: hash, editedBy: actor.id };
	if (latest?.status === 'draft') {
		const replaced = await replaceDraft(db, 'scenario', { id, version: latest.version, expectedHash: options.baseRevision }, change);
		if (!replaced) return staleFrom((await latestScenario(db, id))!);
		return ok({ id, version: latest.version, status: 'draft', revision: hash, created: false });
	}
	const version = await insertNextVersion(db, 'scenario', { ...change, id, origin: options.origin ?? 'studio', status: 'draft', createdBy: actor.id });
	if (!version) return staleFrom((await latestScenario(db, id))!);
	return ok({ id, version, status: 'draft', revision: hash, created: true });
}

/**
 * Publishes the latest draft after checking it again (a rubric may have changed since it was
 * saved). Publishing when the latest version is already published answers with that version.
 */
export async function publishScenario(db: Kysely<Database>, id: string): Promise<Result<SavedVersion> | Invalid> {
	const latest = await latestScenario(db, id);
	if (!latest) return failure('not-found', `No scenario "${id}"`);
	if (latest.status === 'published') return ok(saved(latest, false));
	if (latest.status !== 'draft') return failure('conflict', `Version ${latest.version} is ${latest.status}; save a new draft first`);
	const check = await validateScenarioSource(db, id, latest.source);
	if (!check.scenario) return { ok: false, error: 'invalid', message: 'The draft has problems', problems: check.problems };
	if (!(await publishDraft(db, 'scenario', latest, check.scenario))) return failure('conflict', 'The draft changed while publishing; try again');
	return ok({ ...saved(latest, false), status: 'published' });
}
