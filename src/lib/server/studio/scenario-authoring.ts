import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { latestContent, publishContent, saveDraft } from './content-authoring';

export type { Invalid, SavedVersion, Stale } from './content-authoring';

/** The scenario API's names for the kind-generic authoring service. */
export const latestScenario = (db: Kysely<Database>, id: string) => latestContent(db, 'scenario', id);

export const saveScenarioDraft = (db: Kysely<Database>, actor: Actor, id: string, source: string, options?: Parameters<typeof saveDraft>[5]) =>
	saveDraft(db, actor, 'scenario', id, source, options);

export const publishScenario = (db: Kysely<Database>, id: string) => publishContent(db, 'scenario', id);
