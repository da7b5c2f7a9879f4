import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CHANNELS, FAMILIES } from '../../content/common-schema';
import type { Actor } from '../access';
import { listScoredAttemptsOf } from '../db/attempts';
import type { Database } from '../db/schema';
import { playableScenarios, type CatalogEntry } from './catalog';
import { CHANNEL_LABELS, FAMILY_LABELS, oneLine } from './labels';
import { progressByScenario, SCENARIO_STATUSES, STATUS_LABELS, type ScenarioProgress } from './learner-progress';
import { nextUpFor, type NextUp } from './next-up';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).catch(undefined);

/** The catalog's query string. A value that makes no sense is ignored, never an error: it is only a filter. */
export const CatalogFilter = z.object({
	q: optional(z.string().trim().max(100)),
	family: optional(z.enum(FAMILIES)),
	channel: optional(z.enum(CHANNELS)),
	difficulty: optional(z.coerce.number().int().min(1).max(5)),
	status: optional(z.enum(SCENARIO_STATUSES))
});
export type CatalogFilter = z.output<typeof CatalogFilter>;

export const parseCatalogFilter = (params: URLSearchParams): CatalogFilter => CatalogFilter.parse(Object.fromEntries(params));

export interface ScenarioCard {
	id: string;
	title: string;
	personaName: string;
	situation: string;
	family: string;
	channel: CatalogEntry['channel'];
	channelLabel: string;
	difficulty: number;
	status: ScenarioProgress['status'];
	statusLabel: string;
	bestScore: number | null;
	resumeAttemptId: string | null;
}

export const toCard = (entry: CatalogEntry, progress: ScenarioProgress): ScenarioCard => ({
	id: entry.id,
	title: entry.title,
	personaName: entry.persona.name,
	situation: oneLine(entry.persona.situation),
	family: FAMILY_LABELS[entry.family],
	channel: entry.channel,
	channelLabel: CHANNEL_LABELS[entry.channel],
	difficulty: entry.difficulty,
	status: progress.status,
	statusLabel: STATUS_LABELS[progress.status],
	bestScore: progress.bestScore,
	resumeAttemptId: progress.resumeAttemptId
});

export const matchesFilter = (entry: CatalogEntry, progress: ScenarioProgress, f: CatalogFilter) =>
	(!f.q || entry.title.toLowerCase().includes(f.q.toLowerCase())) &&
	(!f.family || entry.family === f.family) &&
	(!f.channel || entry.channel === f.channel) &&
	(!f.difficulty || entry.difficulty === f.difficulty) &&
	(!f.status || progress.status === f.status);

export interface CatalogView {
	filter: CatalogFilter;
	choices: {
		families: { value: string; label: string }[];
		channels: { value: string; label: string }[];
		statuses: { value: string; label: string }[];
	};
	cards: ScenarioCard[];
	total: number;
	nextUp: NextUp;
}

export async function catalogView(db: Kysely<Database>, actor: Actor, filter: CatalogFilter): Promise<CatalogView> {
	const [entries, attempts] = await Promise.all([playableScenarios(db, actor), listScoredAttemptsOf(db, actor.id)]);
	const progressOf = progressByScenario(attempts);
	return {
		filter,
		choices: {
			families: FAMILIES.map((value) => ({ value, label: FAMILY_LABELS[value] })),
			channels: CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] })),
			statuses: SCENARIO_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))
		},
		cards: entries.filter((e) => matchesFilter(e, progressOf(e.id), filter)).map((e) => toCard(e, progressOf(e.id))),
		total: entries.length,
		nextUp: await nextUpFor(db, actor, entries, attempts, progressOf)
	};
}
