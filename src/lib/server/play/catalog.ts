import type { Kysely } from 'kysely';
import type { Scenario } from '../../content/scenario-schema';
import type { Actor } from '../access';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';

export interface CatalogEntry {
	id: string;
	version: number;
	title: string;
	family: Scenario['family'];
	channel: Scenario['channel'];
	difficulty: Scenario['difficulty'];
	summary: string;
	persona: { name: string; situation: string };
	rubric: string;
	/** Rubric criteria some option in the scenario carries evidence for: what it lets a learner practise. */
	practises: string[];
}

const criteriaPractised = (s: Scenario): string[] => {
	const ids = new Set<string>();
	for (const node of Object.values(s.nodes))
		for (const option of node.options ?? [])
			for (const evidence of [option.evidence, option.otherwise?.evidence, ...(option.branches ?? []).map((b) => b.evidence)])
				Object.keys(evidence ?? {}).forEach((id) => ids.add(id));
	return [...ids];
};

/** The published scenarios this person may play: every learner may play every published one. */
export async function playableScenarios(db: Kysely<Database>, _actor: Actor): Promise<CatalogEntry[]> {
	const versions = await latestVersions<Scenario>(db, 'scenario', { status: 'published' });
	return versions
		.map(({ version, definition: s }) => ({
			id: s.id,
			version,
			title: s.title,
			family: s.family,
			channel: s.channel,
			difficulty: s.difficulty,
			summary: s.summary ?? s.persona.situation,
			persona: { name: s.persona.name, situation: s.persona.situation },
			rubric: s.rubric,
			practises: criteriaPractised(s)
		}))
		.sort((a, b) => a.title.localeCompare(b.title));
}
