import type { Kysely } from 'kysely';
import { parseDocument } from 'yaml';
import { scenarioTemplate } from '../../studio/scenario-template';
import type { Actor } from '../access';
import { archiveContent } from '../db/content-drafts';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { latestScenario, saveScenarioDraft, type SavedVersion } from './scenario-authoring';

const taken = async (db: Kysely<Database>, id: string) =>
	(await latestScenario(db, id)) ? failure('conflict', `There is already a scenario "${id}"`) : undefined;

const asResult = (saved: Awaited<ReturnType<typeof saveScenarioDraft>>): Result<SavedVersion> =>
	saved.ok ? saved : failure(saved.error, saved.message);

/** A new scenario starts as a draft of the template, so it is valid (and play-testable) at once. */
export async function createScenario(db: Kysely<Database>, actor: Actor, id: string, title: string): Promise<Result<SavedVersion>> {
	return (await taken(db, id)) ?? asResult(await saveScenarioDraft(db, actor, id, scenarioTemplate(id, title)));
}

/** Copies the latest text under a new id; editing the YAML document in place keeps its comments. */
export async function duplicateScenario(db: Kysely<Database>, actor: Actor, fromId: string, newId: string): Promise<Result<SavedVersion>> {
	const from = await latestScenario(db, fromId);
	if (!from) return failure('not-found', `No scenario "${fromId}"`);
	const clash = await taken(db, newId);
	if (clash) return clash;
	const doc = parseDocument(from.source);
	doc.set('id', newId);
	doc.set('title', `${from.title} (copy)`);
	return asResult(await saveScenarioDraft(db, actor, newId, doc.toString()));
}

/** Takes a scenario off the catalog. Attempts already made keep pointing at their version. */
export async function archiveScenario(db: Kysely<Database>, id: string): Promise<Result<{ archived: number }>> {
	const archived = await archiveContent(db, 'scenario', id);
	return archived > 0 ? ok({ archived }) : failure('not-found', `"${id}" has no published version to archive`);
}
