import type { ScoreResult } from './score-types';

/** A reviewer's new score (0–100) for one criterion, in the order the decisions were made. */
export interface CriterionOverride {
	criterionId: string;
	score: number;
}

const roundToTenth = (value: number): number => Math.round(value * 10) / 10;

/**
 * The effective score: the engine's score with reviewers' overrides applied. The engine's score
 * is never changed; this is a view of it that anyone can recompute from the same records.
 *
 * - The latest override of a criterion wins; it makes the criterion count even if it never came up.
 * - The total is the weighted mean of the counted criteria again, and pass/fail is decided again
 *   against the rubric's pass mark.
 * - A critical failure is cleared when its criterion is overridden to the pass mark or above:
 *   the reviewer has judged that the breach did not happen. An override below the pass mark keeps
 *   it. Criteria the engine zeroed with a "section" failure stay at the engine's score unless they
 *   are overridden too, since the reviewer said nothing about them.
 * - A "fail all" failure that is not cleared still zeroes the total and fails the attempt.
 */
export function applyOverrides(engine: ScoreResult, overrides: readonly CriterionOverride[]): ScoreResult {
	if (overrides.length === 0) return engine;
	const latest = new Map(overrides.map((o) => [o.criterionId, o.score]));
	const criteria = engine.criteria.map((c) => {
		const score = latest.get(c.id);
		return score === undefined ? c : { ...c, score: roundToTenth(score), applicable: true };
	});
	const clears = (criterionId: string) => (latest.get(criterionId) ?? -1) >= engine.passMark;
	const criticalFailures = engine.criticalFailures.filter((f) => !clears(f.criterionId));

	const counted = criteria.filter((c) => c.applicable);
	const weights = counted.reduce((sum, c) => sum + c.weight, 0);
	const points = weights === 0 ? 0 : counted.reduce((sum, c) => sum + c.weight * (c.score ?? 0), 0) / weights;
	const failsAll = criticalFailures.some((f) => f.scope === 'all');
	const total = failsAll ? 0 : roundToTenth(points);
	return { ...engine, criteria, criticalFailures, total, passed: !failsAll && total >= engine.passMark };
}

/** Per criterion, the engine's score and the effective one, for the criteria an override touched. */
export function overriddenCriteria(engine: ScoreResult, effective: ScoreResult) {
	return effective.criteria.flatMap((c) => {
		const original = engine.criteria.find((e) => e.id === c.id);
		if (!original || original.score === c.score) return [];
		return [{ id: c.id, label: c.label, original: original.score, effective: c.score as number }];
	});
}
