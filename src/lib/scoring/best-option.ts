import type { Evidence } from '../content/option-schema';
import { maxLevel, type Rubric } from '../content/rubric-schema';
import type { OfferedOption } from '../dialogue/dialogue-types';

/**
 * How good an option is by the rubric's lights: each criterion's level as a share of its
 * top level, times its weight. A breach (`fail`) counts against the option, so an option
 * that cuts a compliance corner is never "best" however much else it does well.
 */
export const optionValue = (evidence: Evidence, rubric: Rubric): number =>
	rubric.criteria.reduce((sum, criterion) => {
		const level = evidence[criterion.id];
		if (level === undefined) return sum;
		if (level === 'fail') return sum - criterion.weight;
		const top = maxLevel(criterion);
		return top === 0 ? sum : sum + (criterion.weight * level) / top;
	}, 0);

/** The best option on screen; ties go to the one listed first, so the answer is stable. */
export const bestOffered = (offered: readonly OfferedOption[], rubric: Rubric): OfferedOption | undefined =>
	offered.reduce<OfferedOption | undefined>(
		(best, option) => (best === undefined || optionValue(option.evidence, rubric) > optionValue(best.evidence, rubric) ? option : best),
		undefined
	);
