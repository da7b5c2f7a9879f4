import type { Evidence } from '../content/option-schema';
import { maxLevel, type Rubric } from '../content/rubric-schema';
import type { OfferedOption } from '../dialogue/dialogue-types';

/**
 * How good an option is by the rubric's lights: each criterion's level as a share of its
 * top level, times its weight. A breach (`fail`) counts against the option, so an option
 * that cuts a compliance corner is never "best" however much else it does well.
 */
export const optionValue = (evidence: Evidence, rubric: Rubric): number => {
	let value = 0;
	for (const { id, weight, top } of weighingOf(rubric)) {
		const level = evidence[id];
		if (level === 'fail') value -= weight;
		else if (level !== undefined && top !== 0) value += (weight * level) / top;
	}
	return value;
};

/** The best option on screen; ties go to the one listed first, so the answer is stable. */
export const bestOffered = (offered: readonly OfferedOption[], rubric: Rubric): OfferedOption | undefined => {
	let best: OfferedOption | undefined;
	let bestValue = 0;
	for (const option of offered) {
		const value = optionValue(option.evidence, rubric);
		if (best === undefined || value > bestValue) [best, bestValue] = [option, value];
	}
	return best;
};

// Scoring values every option at every turn. A loaded rubric never changes, so what valuing needs
// from it (each criterion's weight and top level) is worked out once per rubric.
type Weighing = { id: string; weight: number; top: number }[];
const weighings = new WeakMap<Rubric, Weighing>();
const weighingOf = (rubric: Rubric): Weighing => {
	let weighing = weighings.get(rubric);
	if (!weighing) weighings.set(rubric, (weighing = rubric.criteria.map((c) => ({ id: c.id, weight: c.weight, top: maxLevel(c) }))));
	return weighing;
};
