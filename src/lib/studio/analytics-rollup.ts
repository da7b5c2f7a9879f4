/*
 * What one ended attempt adds to the scenario analytics roll-ups. Pure: the same facts give the
 * same rows whether they come from the live attempt (incremental) or a replay (rebuild).
 */

/** The bucket every attempt counts in once, whatever its learner's teams. */
export const ALL_TEAMS = '*';
/** The bucket of learners who are on no team. */
export const NO_TEAM = '-';

export type EndedStatus = 'passed' | 'failed' | 'abandoned';

export interface AttemptFacts {
	scenarioId: string;
	/** UTC day the attempt ended, YYYY-MM-DD (its monthly rows take the YYYY-MM). */
	day: string;
	status: EndedStatus;
	/** 0–100 for a scored (passed or failed) attempt, else null. */
	total: number | null;
	/** Each decision in order: the node it was made at and the option chosen. */
	path: { nodeId: string; optionId: string }[];
	/** The node the attempt ended at, or whose turn was open when it was abandoned. */
	endNodeId: string;
	/** Scores of the criteria that came up (null ones are left out). */
	criteria: { id: string; score: number | null }[];
	criticalFailures: { criterionId: string; nodeId: string }[];
}

/** Rows by day, and the same by month: a long period reads its whole months from the monthly rows. */
export type Grain = 'd' | 'm';
type Key = { scenario_id: string; team_id: string; grain: Grain; day: string };
export type OutcomeDelta = Key & { attempts: number; passed: number; failed: number; abandoned: number; scored: number; score_sum: number };
export type CriterionDelta = Key & { criterion_id: string; scored: number; score_sum: number };
export type ChoiceDelta = Key & { node_id: string; option_id: string; chosen: number };
export type NodeDelta = Key & { node_id: string; reached: number; abandoned: number; failed_here: number; failed_after: number; critical: number };
export type CriticalDelta = Key & { criterion_id: string; failures: number };

export interface RollupDeltas {
	outcome: OutcomeDelta[];
	criterion: CriterionDelta[];
	choice: ChoiceDelta[];
	node: NodeDelta[];
	critical: CriticalDelta[];
}

/** Scores are summed in hundredths so that sums in any order are exactly equal. */
export const hundredths = (score: number) => Math.round(score * 100);

export const teamBuckets = (teamIds: readonly string[]): string[] => [
	ALL_TEAMS,
	...(teamIds.length ? [...new Set(teamIds)].sort() : [NO_TEAM])
];

const unique = <T>(items: T[]) => [...new Set(items)].sort();

/** The rows one attempt adds, one per key (a key never repeats, so a single upsert applies them). */
export function rollupDeltas(facts: AttemptFacts, teamIds: readonly string[]): RollupDeltas {
	const failed = facts.status === 'failed' ? 1 : 0;
	const scored = facts.total === null ? 0 : 1;
	const visited = unique([...facts.path.map((p) => p.nodeId), facts.endNodeId]);
	const choices = new Map<string, { nodeId: string; optionId: string; chosen: number }>();
	for (const { nodeId, optionId } of facts.path) {
		const key = JSON.stringify([nodeId, optionId]);
		const seen = choices.get(key);
		if (seen) seen.chosen++;
		else choices.set(key, { nodeId, optionId, chosen: 1 });
	}
	const criticalNodes = new Set(facts.criticalFailures.map((f) => f.nodeId));
	const criteria = facts.criteria.filter((c): c is { id: string; score: number } => c.score !== null);
	const criticalCriteria = unique(facts.criticalFailures.map((f) => f.criterionId));
	const out: RollupDeltas = { outcome: [], criterion: [], choice: [], node: [], critical: [] };
	const periods: [Grain, string][] = [
		['d', facts.day],
		['m', facts.day.slice(0, 7)]
	];
	const scenario_id = facts.scenarioId;
	// Key fields written out, not spread from a key object: `{ ...key, x }` takes V8's slow path,
	// about 2 µs a row, and an attempt makes ~90 rows in the transaction that ends it.
	for (const team_id of teamBuckets(teamIds)) {
		for (const [grain, day] of periods) {
			out.outcome.push({
				scenario_id,
				team_id,
				grain,
				day,
				attempts: 1,
				passed: facts.status === 'passed' ? 1 : 0,
				failed,
				abandoned: facts.status === 'abandoned' ? 1 : 0,
				scored,
				score_sum: facts.total === null ? 0 : hundredths(facts.total)
			});
			for (const c of criteria) out.criterion.push({ scenario_id, team_id, grain, day, criterion_id: c.id, scored: 1, score_sum: hundredths(c.score) });
			for (const c of choices.values()) out.choice.push({ scenario_id, team_id, grain, day, node_id: c.nodeId, option_id: c.optionId, chosen: c.chosen });
			for (const node_id of visited) {
				const atEnd = node_id === facts.endNodeId;
				out.node.push({
					scenario_id,
					team_id,
					grain,
					day,
					node_id,
					reached: 1,
					abandoned: atEnd && facts.status === 'abandoned' ? 1 : 0,
					failed_here: atEnd ? failed : 0,
					failed_after: failed,
					critical: criticalNodes.has(node_id) ? 1 : 0
				});
			}
			for (const criterion_id of criticalCriteria) out.critical.push({ scenario_id, team_id, grain, day, criterion_id, failures: 1 });
		}
	}
	return out;
}

const TABLES = ['outcome', 'criterion', 'choice', 'node', 'critical'] as const;
type Row = Record<string, string | number>;

/** Adds up rows per key, in place: a rebuild feeds it page by page and keeps only the sums. */
export function rollupAccumulator() {
	const merged = Object.fromEntries(TABLES.map((t) => [t, new Map<string, Row>()])) as Record<keyof RollupDeltas, Map<string, Row>>;
	return {
		add(deltas: RollupDeltas) {
			for (const table of TABLES) {
				for (const row of deltas[table] as unknown as Row[]) {
					const key = JSON.stringify(Object.values(row).filter((v) => typeof v === 'string'));
					const seen = merged[table].get(key);
					if (!seen) merged[table].set(key, { ...row });
					else for (const [k, v] of Object.entries(row)) if (typeof v === 'number') seen[k] = (seen[k] as number) + v;
				}
			}
		},
		result: (): RollupDeltas => Object.fromEntries(TABLES.map((t) => [t, [...merged[t].values()]])) as unknown as RollupDeltas
	};
}

/** Many attempts' rows summed per key: what a rebuild writes, and the oracle an incremental roll-up must equal. */
export function sumDeltas(all: RollupDeltas[]): RollupDeltas {
	const sums = rollupAccumulator();
	for (const deltas of all) sums.add(deltas);
	return sums.result();
}
