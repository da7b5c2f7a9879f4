import type { Kysely } from 'kysely';
import { parseDocument } from 'yaml';
import type { AuthoredKind } from '../../studio/content-kinds';
import { lineDiff } from '../../studio/line-diff';
import type { Actor } from '../access';
import { contentHash } from '../content/sync-content';
import { listVersions } from '../db/content-drafts';
import { findContentVersion, insertNextVersion } from '../db/content-versions';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { invalid, latestContent, saveDraft, type Invalid, type SavedVersion, type Stale } from './content-authoring';
import { validateContentSource } from './validate-content';

export const contentVersions = (db: Kysely<Database>, kind: AuthoredKind, id: string) => listVersions(db, kind, id);

export const contentVersion = (db: Kysely<Database>, kind: AuthoredKind, id: string, version: number) => findContentVersion(db, kind, id, version);

/** The line diff between two stored versions of one id. */
export async function diffVersions(db: Kysely<Database>, kind: AuthoredKind, id: string, from: number, to: number) {
	const [a, b] = await Promise.all([contentVersion(db, kind, id, from), contentVersion(db, kind, id, to)]);
	if (!a || !b) return undefined;
	return { from, to, lines: lineDiff(a.source, b.source) };
}

/**
 * Rolls back by publishing an earlier version's text again as a new version: history is never
 * rewritten, and attempts on the versions in between keep theirs. A pending draft would be
 * buried under it, so that case asks the trainer to publish or save over the draft first.
 */
export async function republishVersion(db: Kysely<Database>, actor: Actor, kind: AuthoredKind, id: string, version: number): Promise<Result<SavedVersion> | Invalid> {
	const [old, latest] = await Promise.all([contentVersion(db, kind, id, version), latestContent(db, kind, id)]);
	if (!old || !latest) return failure('not-found', `No version ${version} of "${id}"`);
	if (latest.status === 'draft') return failure('conflict', `Version ${latest.version} is an unpublished draft; publish it or save over it first`);
	const check = await validateContentSource(db, kind, id, old.source, true);
	if (!check.definition) return invalid(`Version ${version} no longer passes the checks`, check.problems);
	const hash = contentHash(old.source);
	const next = await insertNextVersion(db, kind, {
		id,
		title: check.definition.title,
		source: old.source,
		definition: check.definition,
		contentHash: hash,
		origin: 'studio',
		status: 'published',
		createdBy: actor.id
	});
	if (!next) return failure('conflict', 'Someone saved at the same moment; try again');
	return ok({ id, version: next, status: 'published', revision: hash, created: true });
}

/** Which kind an uploaded file is, from its top-level keys: scenarios have nodes, tracks requirements. */
const kindOfDocument = (doc: ReturnType<typeof parseDocument>): AuthoredKind =>
	doc.has('nodes') ? 'scenario' : doc.has('requirements') ? 'track' : doc.has('criteria') ? 'rubric' : 'scenario';

/** Imports an uploaded file as a draft of the scenario, rubric or track its `id:` names. */
export async function importContentFile(db: Kysely<Database>, actor: Actor, text: string): Promise<Result<SavedVersion & { kind: AuthoredKind }> | Invalid | Stale> {
	const doc = parseDocument(text);
	const id = doc.get('id');
	if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,79}$/.test(id)) return failure('malformed', 'The file needs an `id:` line of lowercase letters, digits and hyphens');
	const kind = kindOfDocument(doc);
	const result = await saveDraft(db, actor, kind, id, text);
	return result.ok ? ok({ ...result.value, kind }) : result;
}

