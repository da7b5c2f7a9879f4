/*
 * Turns summed roll-ups into what a trainer reads: rates, averages, each node's option
 * distribution and trouble, the most common critical failure and the weakest node. Pure.
 */

export interface RollupSums {
	outcome: { attempts: number; passed: number; failed: number; abandoned: number; scored: number; scoreSum: number };
	criteria: { criterionId: string; scored: number; scoreSum: number }[];
	choices: { nodeId: string; optionId: string; chosen: number }[];
	nodes: { nodeId: string; reached: number; abandoned: number; failedHere: number; failedAfter: number; critical: number }[];
	critical: { criterionId: string; failures: number }[];
}

/** The scenario's own words for what the counts refer to. */
export interface ScenarioLabels {
	nodes: { id: string; isEnding: boolean; options: { id: string; text: string }[] }[];
	criteria: { id: string; label: string }[];
}

export type Heat = 'none' | 'low' | 'medium' | 'high';

export interface NodeReport {
	id: string;
	isEnding: boolean;
	reached: number;
	abandoned: number;
	failedHere: number;
	failedAfter: number;
	critical: number;
	/** Percent of the attempts that reached the node: abandoned there, and went on to fail. */
	dropRate: number | null;
	failRate: number | null;
	heat: Heat;
	options: { id: string; text: string; chosen: number; share: number }[];
}

export interface AnalyticsReport {
	attempts: number;
	passed: number;
	failed: number;
	abandoned: number;
	/** Percent of the finished (passed or failed) attempts that passed. */
	passRate: number | null;
	abandonRate: number | null;
	averageScore: number | null;
	criteria: { id: string; label: string; average: number | null; scored: number }[];
	critical: { id: string; label: string; failures: number; share: number }[];
	nodes: NodeReport[];
	/** The decision node where the largest share of learners who got there dropped out or went on to fail. */
	weakSpot: string | null;
}

/** A percentage with one decimal, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const average = (sumHundredths: number, count: number) => (count > 0 ? Math.round(sumHundredths / count) / 100 : null);

export const heatOf = (reached: number, trouble: number): Heat => {
	if (reached === 0) return 'none';
	const rate = trouble / reached;
	return rate >= 0.4 ? 'high' : rate >= 0.15 ? 'medium' : 'low';
};

export function buildAnalyticsReport(sums: RollupSums, labels: ScenarioLabels): AnalyticsReport {
	const { outcome } = sums;
	const finished = outcome.passed + outcome.failed;
	const criterionLabel = new Map(labels.criteria.map((c) => [c.id, c.label]));
	const nodeSums = new Map(sums.nodes.map((n) => [n.nodeId, n]));
	const known = new Set(labels.nodes.map((n) => n.id));
	// Counts for nodes or options a later version removed are still shown, under their ids.
	const allNodes = [
		...labels.nodes,
		...[...new Set([...sums.nodes.map((n) => n.nodeId), ...sums.choices.map((c) => c.nodeId)])]
			.filter((id) => !known.has(id))
			.sort()
			.map((id) => ({ id, isEnding: false, options: [] }))
	];
	const nodes = allNodes.map((node): NodeReport => {
		const s = nodeSums.get(node.id) ?? { reached: 0, abandoned: 0, failedHere: 0, failedAfter: 0, critical: 0 };
		const chosenHere = sums.choices.filter((c) => c.nodeId === node.id);
		const total = chosenHere.reduce((sum, c) => sum + c.chosen, 0);
		const listed = new Set(node.options.map((o) => o.id));
		const options = [
			...node.options,
			...chosenHere.filter((c) => !listed.has(c.optionId)).map((c) => ({ id: c.optionId, text: `${c.optionId} (no longer offered)` }))
		].map((o) => {
			const chosen = chosenHere.find((c) => c.optionId === o.id)?.chosen ?? 0;
			return { id: o.id, text: o.text, chosen, share: percent(chosen, total) ?? 0 };
		});
		return {
			id: node.id,
			isEnding: node.isEnding,
			reached: s.reached,
			abandoned: s.abandoned,
			failedHere: s.failedHere,
			failedAfter: s.failedAfter,
			critical: s.critical,
			dropRate: percent(s.abandoned, s.reached),
			failRate: percent(s.failedAfter, s.reached),
			heat: heatOf(s.reached, s.abandoned + s.failedAfter),
			options
		};
	});
	const trouble = (n: NodeReport) => (n.abandoned + n.failedAfter) / n.reached;
	const candidates = nodes.filter((n) => !n.isEnding && n.reached > 0 && n.abandoned + n.failedAfter > 0);
	const weakSpot = candidates.sort((a, b) => trouble(b) - trouble(a) || b.reached - a.reached || a.id.localeCompare(b.id))[0]?.id ?? null;
	return {
		attempts: outcome.attempts,
		passed: outcome.passed,
		failed: outcome.failed,
		abandoned: outcome.abandoned,
		passRate: percent(outcome.passed, finished),
		abandonRate: percent(outcome.abandoned, outcome.attempts),
		averageScore: average(outcome.scoreSum, outcome.scored),
		criteria: [
			...labels.criteria,
			...sums.criteria.filter((c) => !criterionLabel.has(c.criterionId)).map((c) => ({ id: c.criterionId, label: c.criterionId }))
		].map((c) => {
			const s = sums.criteria.find((x) => x.criterionId === c.id);
			return { id: c.id, label: c.label, average: s ? average(s.scoreSum, s.scored) : null, scored: s?.scored ?? 0 };
		}),
		critical: [...sums.critical]
			.filter((c) => c.failures > 0)
			.sort((a, b) => b.failures - a.failures || a.criterionId.localeCompare(b.criterionId))
			.map((c) => ({
				id: c.criterionId,
				label: criterionLabel.get(c.criterionId) ?? c.criterionId,
				failures: c.failures,
				share: percent(c.failures, finished) ?? 0
			})),
		nodes,
		weakSpot
	};
}
