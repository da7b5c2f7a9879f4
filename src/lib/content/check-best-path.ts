import { followBestPath } from '../scoring/follow-best-path';
import { scoreAttempt } from '../scoring/score-attempt';
import { problemAt, type Problem } from './problem';
import type { Rubric } from './rubric-schema';
import type { Scenario } from './scenario-schema';
import type { SourceLocator } from './yaml-positions';

/**
 * A scenario nobody can pass teaches nothing: play it choosing the best option at every
 * turn and make sure that ends, and ends with a passing score.
 */
export const checkBestPath = (scenario: Scenario, rubric: Rubric, locate: SourceLocator, path: string): Problem[] => {
	const best = followBestPath(scenario, rubric);
	const { nodeId } = best.snapshot.context;
	const atNode = locate(['nodes', nodeId], 'key');
	if (best.stuckAt?.reason === 'no-options')
		return [problemAt(path, atNode, `the best path gets stuck at node "${nodeId}": no option is offered there in that state`)];
	if (best.stuckAt?.reason === 'too-long')
		return [problemAt(path, atNode, `the best path never ends: it keeps looping (last at node "${nodeId}")`)];

	const result = scoreAttempt(scenario, rubric, best.snapshot.context);
	if (result.passed) return [];
	const reasons = result.criticalFailures.length
		? `critical failure: ${result.criticalFailures.map((f) => f.message).join('; ')}`
		: `${result.total}, below the pass mark of ${result.passMark}`;
	return [
		problemAt(
			path,
			atNode,
			`choosing the best option at every turn ends at "${nodeId}" (${result.outcome ?? 'no outcome'}) and cannot pass: ${reasons}`
		)
	];
};
