import type { Kysely } from 'kysely';
import { parseDocument } from 'yaml';
import { lineDiff } from '../../studio/line-diff';
import type { Actor } from '../access';
import { contentHash } from '../content/sync-content';
import { listVersions } from '../db/content-drafts';
import { findContentVersion, insertNextVersion } from '../db/content-versions';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { latestScenario, saveScenarioDraft, type Invalid, type SavedVersion, type Stale } from './scenario-authoring';
import { validateScenarioSource } from './validate-scenario';

export const scenarioVersions = (db: Kysely<Database>, id: string) => listVersions(db, 'scenario', id);

export const scenarioVersion = (db: Kysely<Database>, id: string, version: number) => findContentVersion(db, 'scenario', id, version);

/** The line diff between two stored versions of one scenario. */
export async function diffVersions(db: Kysely<Database>, id: string, from: number, to: number) {
	const [a, b] = await Promise.all([scenarioVersion(db, id, from), scenarioVersion(db, id, to)]);
	if (!a || !b) return undefined;
	return { from, to, lines: lineDiff(a.source, b.source) };
}

/**
 * Rolls back by publishing an earlier version's text again as a new version: history is never
 * rewritten, and attempts on the versions in between keep theirs. A pending draft would be
 * buried under it, so that case asks the trainer to publish or save over the draft first.
 */
export async function republishVersion(db: Kysely<Database>, actor: Actor, id: string, version: number): Promise<Result<SavedVersion> | Invalid> {
	const [old, latest] = await Promise.all([scenarioVersion(db, id, version), latestScenario(db, id)]);
	if (!old || !latest) return failure('not-found', `No version ${version} of "${id}"`);
	if (latest.status === 'draft') return failure('conflict', `Version ${latest.version} is an unpublished draft; publish it or save over it first`);
	const check = await validateScenarioSource(db, id, old.source);
	if (!check.scenario) return { ok: false, error: 'invalid', message: `Version ${version} no longer passes the checks`, problems: check.problems };
	const hash = contentHash(old.source);
	const next = await insertNextVersion(db, 'scenario', {
		id,
		title: check.scenario.title,
		source: old.source,
		definition: check.scenario,
		contentHash: hash,
		origin: 'studio',
		status: 'published',
		createdBy: actor.id
	});
	if (!next) return failure('conflict', 'Someone saved at the same moment; try again');
	return ok({ id, version: next, status: 'published', revision: hash, created: true });
}

/** Imports an uploaded file as a draft of the scenario its `id:` names. */
export async function importScenarioFile(db: Kysely<Database>, actor: Actor, text: string): Promise<Result<SavedVersion> | Invalid | Stale> {
	const id = parseDocument(text).get('id');
	if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,79}$/.test(id)) return failure('malformed', 'The file needs an `id:` line of lowercase letters, digits and hyphens');
	return saveScenarioDraft(db, actor, id, text);
}
