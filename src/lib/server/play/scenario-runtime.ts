import type { Kysely } from 'kysely';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import { buildDialogue, type DialogueMachine } from '../../dialogue/build-dialogue';
import { findContentVersion } from '../db/content-versions';
import type { Database } from '../db/schema';

export interface ScenarioRuntime {
	scenario: Scenario;
	rubric: Rubric;
	machine: DialogueMachine;
}

// Published versions are immutable, so a compiled machine never goes stale and every instance may cache it.
const MAX_CACHED = 500;
const cache = new Map<string, ScenarioRuntime>();

export async function loadRuntime(
	db: Kysely<Database>,
	ref: { scenarioId: string; scenarioVersion: number; rubricId: string; rubricVersion: number }
): Promise<ScenarioRuntime | undefined> {
	const key = `${ref.scenarioId}@${ref.scenarioVersion}/${ref.rubricId}@${ref.rubricVersion}`;
	const hit = cache.get(key);
	if (hit) return hit;
	const [scenario, rubric] = await Promise.all([
		findContentVersion<Scenario>(db, 'scenario', ref.scenarioId, ref.scenarioVersion),
		findContentVersion<Rubric>(db, 'rubric', ref.rubricId, ref.rubricVersion)
	]);
	if (!scenario || !rubric) return undefined;
	const runtime = { scenario: scenario.definition, rubric: rubric.definition, machine: buildDialogue(scenario.definition) };
	// A draft is rewritten in place while a trainer edits it, so its play-tests always read it afresh.
	if (scenario.status === 'draft') return runtime;
	if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
	cache.set(key, runtime);
	return runtime;
}
