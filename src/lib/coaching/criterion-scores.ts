/** One criterion of a scored attempt as the roll-up keeps it. */
export interface CriterionScoreEntry {
	criterionId: string;
	label: string;
	/** Null when the criterion did not count: it never came up, or did not apply. */
	score: number | null;
	/** Critical failures breached on this criterion (still standing after any override). */
	criticalFailures: number;
}

type ScoredCriteria = {
	criteria: readonly { id: string; label: string; score: number | null; applicable?: boolean }[];
	criticalFailures: readonly { criterionId: string }[];
};

/**
 * A score as roll-up entries: one per criterion id (the first wins), inapplicable ones without a
 * score, each with its critical failures. The entries' failures always add up to the score's: one
 * on a criterion the score does not list (the engine never makes one) is kept on the first entry.
 */
export function criterionScoreEntries(score: ScoredCriteria): CriterionScoreEntry[] {
	const entries = new Map<string, CriterionScoreEntry>();
	for (const c of score.criteria) {
		if (!entries.has(c.id)) entries.set(c.id, { criterionId: c.id, label: c.label, score: c.score === null || c.applicable === false ? null : c.score, criticalFailures: 0 });
	}
	const first = entries.values().next().value;
	for (const f of score.criticalFailures) {
		const entry = entries.get(f.criterionId) ?? first;
		if (entry) entry.criticalFailures += 1;
	}
	return [...entries.values()];
}

/** Roll-up entries as the certification evaluator reads an attempt: scores by criterion id, and the failure count. */
export const entriesAsRecord = (entries: readonly Omit<CriterionScoreEntry, 'label'>[]) => ({
	criteria: Object.fromEntries(entries.map((e) => [e.criterionId, e.score])) as Record<string, number | null>,
	criticalFailures: entries.reduce((sum, e) => sum + e.criticalFailures, 0)
});
