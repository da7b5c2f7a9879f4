import type { Kysely } from 'kysely';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import { buildDialogue, type DialogueMachine } from '../../dialogue/build-dialogue';
import { findContentVersion, latestVersionNumber } from '../db/content-versions';
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

export interface PublishedRef {
	scenarioId: string;
	scenarioVersion: number;
	rubricId: string;
	rubricVersion: number;
}

// Which rubric each published scenario version names: a version never changes once published.
const rubricOfVersion = new Map<string, string>();

/**
 * The newest published version of a scenario and of its rubric, as an attempt starting now uses
 * them. Two light reads; the scenario's definition is parsed once per version, not per start.
 */
export async function publishedRef(
	db: Kysely<Database>,
	scenarioId: string
): Promise<{ ok: true; ref: PublishedRef } | { ok: false; missing: 'scenario' | 'rubric' }> {
	const scenarioVersion = await latestVersionNumber(db, 'scenario', scenarioId, 'published');
	if (scenarioVersion === undefined) return { ok: false, missing: 'scenario' };
	const key = `${scenarioId}@${scenarioVersion}`;
	let rubricId = rubricOfVersion.get(key);
	if (rubricId === undefined) {
		const scenario = await findContentVersion<Scenario>(db, 'scenario', scenarioId, scenarioVersion);
		if (!scenario) return { ok: false, missing: 'scenario' };
		rubricId = scenario.definition.rubric;
		if (rubricOfVersion.size >= MAX_CACHED) rubricOfVersion.delete(rubricOfVersion.keys().next().value!);
		rubricOfVersion.set(key, rubricId);
	}
	const rubricVersion = await latestVersionNumber(db, 'rubric', rubricId, 'published');
	if (rubricVersion === undefined) return { ok: false, missing: 'rubric' };
	return { ok: true, ref: { scenarioId, scenarioVersion, rubricId, rubricVersion } };
}
