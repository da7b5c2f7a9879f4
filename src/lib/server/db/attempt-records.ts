import type { Kysely } from 'kysely';
import type { AttemptRecord } from '../../certification/records';
import type { Family } from '../../content/common-schema';
import { entriesAsRecord } from '../../coaching/criterion-scores';
import { criteriaOfPerson } from './attempt-criteria';
import type { Database } from './schema';

type ScenarioFacts = { family: Family; difficulty: number };

// Scenario versions are immutable, so their family and difficulty can be cached for good.
const factsCache = new Map<string, ScenarioFacts>();
const key = (id: string, version: number) => `${id}@${version}`;

async function scenarioFacts(db: Kysely<Database>, refs: { id: string; version: number }[]) {
	const missing = [...new Set(refs.filter((r) => !factsCache.has(key(r.id, r.version))).map((r) => r.id))];
	if (missing.length) {
		const rows = await db.selectFrom('scenario_version').select(['content_id', 'version', 'definition']).where('content_id', 'in', missing).execute();
		for (const row of rows) {
			const { family, difficulty } = JSON.parse(row.definition) as ScenarioFacts;
			factsCache.set(key(row.content_id, Number(row.version)), { family, difficulty });
		}
	}
	return (id: string, version: number) => factsCache.get(key(id, version));
}

/** Family and difficulty of one scenario version (cached: versions never change). */
export async function factsOfScenario(db: Kysely<Database>, id: string, version: number): Promise<ScenarioFacts | undefined> {
	return (await scenarioFacts(db, [{ id, version }]))(id, version);
}

/**
 * A learner's finished, real (not play-test) attempts as the evaluator sees them, oldest first.
 * Criterion scores come from the narrow roll-up written when each attempt ended (or was
 * overridden): no score JSON is parsed and nothing is replayed. Given `criteria` (the ids the
 * rules read), each record holds only those criteria, but still every critical failure.
 */
export async function loadAttemptRecords(db: Kysely<Database>, userId: string, criteria?: readonly string[]): Promise<AttemptRecord[]> {
	const [rows, scores] = await Promise.all([
		db
			.selectFrom('attempt')
			.select(['id', 'scenario_id', 'scenario_version', 'rubric_id', 'status', 'score_total', 'finished_at'])
			.where('user_id', '=', userId)
			.where('is_playtest', '=', 0)
			.where('status', 'in', ['passed', 'failed'])
			.orderBy('finished_at')
			.execute(),
		criteriaOfPerson(db, userId, criteria)
	]);
	const factsOf = await scenarioFacts(
		db,
		rows.map((r) => ({ id: r.scenario_id, version: Number(r.scenario_version) }))
	);
	return rows.flatMap((row): AttemptRecord[] => {
		const facts = factsOf(row.scenario_id, Number(row.scenario_version));
		if (!facts || !row.finished_at) return [];
		const scored = entriesAsRecord(scores.get(row.id) ?? []);
		return [
			{
				id: row.id,
				scenarioId: row.scenario_id,
				family: facts.family,
				difficulty: facts.difficulty,
				rubricId: row.rubric_id,
				passed: row.status === 'passed',
				score: Number(row.score_total ?? 0),
				criteria: scored.criteria,
				criticalFailures: scored.criticalFailures,
				finishedAt: row.finished_at
			}
		];
	});
}
