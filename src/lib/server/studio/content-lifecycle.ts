import type { Kysely } from 'kysely';
import { parseDocument } from 'yaml';
import type { AuthoredKind } from '../../studio/content-kinds';
import { rubricTemplate } from '../../studio/rubric-template';
import { scenarioTemplate } from '../../studio/scenario-template';
import { trackTemplate } from '../../studio/track-template';
import type { Actor } from '../access';
import { archiveContent, restoreArchived } from '../db/content-drafts';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { invalid, latestContent, saveDraft, type Invalid, type SavedVersion } from './content-authoring';
import { validateContentSource } from './validate-content';

const TEMPLATES: Record<AuthoredKind, (id: string, title: string) => string> = {
	scenario: scenarioTemplate,
	rubric: rubricTemplate,
	track: trackTemplate
};

const taken = async (db: Kysely<Database>, kind: AuthoredKind, id: string) =>
	(await latestContent(db, kind, id)) ? failure('conflict', `There is already a ${kind} "${id}"`) : undefined;

const asResult = (saved: Awaited<ReturnType<typeof saveDraft>>): Result<SavedVersion> =>
	saved.ok ? saved : failure(saved.error, saved.message);

/** Something new starts as a draft of its kind's template, so it is valid (and play-testable) at once. */
export async function createContent(db: Kysely<Database>, actor: Actor, kind: AuthoredKind, id: string, title: string): Promise<Result<SavedVersion>> {
	return (await taken(db, kind, id)) ?? asResult(await saveDraft(db, actor, kind, id, TEMPLATES[kind](id, title)));
}

/** Copies the latest text under a new id; editing the YAML document in place keeps its comments. */
export async function duplicateContent(db: Kysely<Database>, actor: Actor, kind: AuthoredKind, fromId: string, newId: string): Promise<Result<SavedVersion>> {
	const from = await latestContent(db, kind, fromId);
	if (!from) return failure('not-found', `No ${kind} "${fromId}"`);
	const clash = await taken(db, kind, newId);
	if (clash) return clash;
	const doc = parseDocument(from.source);
	doc.set('id', newId);
	doc.set('title', `${from.title} (copy)`);
	return asResult(await saveDraft(db, actor, kind, newId, doc.toString()));
}

/**
 * Takes an id off the catalog. Attempts already made keep pointing at their version. Refused
 * while published content still needs it (a scenario a track names, a rubric scenarios use).
 */
export async function archiveById(db: Kysely<Database>, kind: AuthoredKind, id: string): Promise<Result<{ archived: number }> | Invalid> {
	const latest = await latestContent(db, kind, id);
	if (latest?.status !== 'published') return failure('not-found', `"${id}" has no published version to archive`);
	const { problems } = await validateContentSource(db, kind, id, undefined, true);
	if (problems.length > 0) return invalid(`Not archived: published content still needs "${id}"`, problems);
	return ok({ archived: await archiveContent(db, kind, id) });
}

/** Puts an archived id back on the catalog, if its last version still passes today's checks. */
export async function restoreById(db: Kysely<Database>, kind: AuthoredKind, id: string): Promise<Result<{ version: number }> | Invalid> {
	const latest = await latestContent(db, kind, id);
	if (latest?.status !== 'archived') return failure('not-found', `"${id}" is not archived`);
	const { problems } = await validateContentSource(db, kind, id, latest.source, true);
	if (problems.length > 0) return invalid(`Version ${latest.version} no longer passes the checks`, problems);
	const version = await restoreArchived(db, kind, id);
	return version ? ok({ version }) : failure('conflict', 'Someone changed it at the same moment; try again');
}
