import { problemAt, type Problem } from './problem';
import { maxLevel, type Rubric } from './rubric-schema';
import type { SourceLocator } from './yaml-positions';

/** Rules a single rubric must follow beyond its shape. */
export const checkRubric = (rubric: Rubric, locate: SourceLocator, path: string): Problem[] => {
	const problems: Problem[] = [];
	const report = (at: (string | number)[], message: string, on: 'key' | 'value' = 'value') =>
		problems.push(problemAt(path, locate(at, on), message));

	const total = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
	if (total !== 100) report(['criteria'], `criteria weights add up to ${total}; they must add up to 100`, 'key');

	const seenIds = new Set<string>();
	const seenMeasures = new Set<string>();
	rubric.criteria.forEach((criterion, i) => {
		const at = ['criteria', i];
		if (seenIds.has(criterion.id)) report([...at, 'id'], `criterion id "${criterion.id}" is used twice in this rubric`);
		seenIds.add(criterion.id);

		if (criterion.measure !== 'evidence') {
			// Two resolution criteria would count the same ending twice.
			if (seenMeasures.has(criterion.measure)) report([...at, 'measure'], `only one criterion may measure ${criterion.measure}`);
			seenMeasures.add(criterion.measure);
			if (criterion.critical)
				report([...at, 'critical'], 'only evidence criteria can be critical: a breach must point at the turn that caused it');
		}

		const levels = Object.keys(criterion.levels).map(Number);
		const top = maxLevel(criterion);
		const missing = Array.from({ length: top + 1 }, (_, n) => n).filter((n) => !levels.includes(n));
		if (levels.length < 2) report([...at, 'levels'], 'describe at least two levels, starting at 0', 'key');
		else if (missing.length > 0) report([...at, 'levels'], `levels must run from 0 to ${top} without gaps; missing ${missing.join(', ')}`, 'key');
	});
	return problems;
};
