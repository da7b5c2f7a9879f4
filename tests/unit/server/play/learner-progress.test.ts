import { describe, expect, it } from 'vitest';
import { criterionAverages, progressByScenario } from '$lib/server/play/learner-progress';
import { makeCriterionScore, makeScore, makeScoredAttempt } from '../../../factories/play-factory';

describe('progressByScenario', () => {
	it('calls a scenario nobody has played new, with no best score', () => {
		expect(progressByScenario([])('anything')).toEqual({ status: 'new', bestScore: null, resumeAttemptId: null, finished: 0 });
	});

	it('counts a scenario passed once any attempt passed, with the best score of the finished ones', () => {
		const progress = progressByScenario([
			makeScoredAttempt({ scenarioId: 's', status: 'failed', scoreTotal: 60 }),
			makeScoredAttempt({ scenarioId: 's', status: 'passed', scoreTotal: 85 }),
			makeScoredAttempt({ scenarioId: 's', status: 'in_progress', scoreTotal: null })
		])('s');
		expect(progress).toMatchObject({ status: 'passed', bestScore: 85, finished: 2 });
	});

	it('prefers in progress over failed, and offers the open attempt to resume', () => {
		const open = makeScoredAttempt({ scenarioId: 's', status: 'in_progress', scoreTotal: null });
		const progress = progressByScenario([open, makeScoredAttempt({ scenarioId: 's', status: 'failed', scoreTotal: 40 })])('s');
		expect(progress).toMatchObject({ status: 'in-progress', resumeAttemptId: open.id, bestScore: 40 });
	});

	it('leaves a scenario with only abandoned attempts new', () => {
		expect(progressByScenario([makeScoredAttempt({ scenarioId: 's', status: 'abandoned', scoreTotal: null })])('s').status).toBe('new');
	});
});

describe('criterionAverages', () => {
	it('averages each rubric criterion over the attempts where it applied', () => {
		const averages = criterionAverages([
			makeScoredAttempt({ score: makeScore([makeCriterionScore({ score: 40 }), makeCriterionScore({ id: 'compliance', score: null })]) }),
			makeScoredAttempt({ score: makeScore([makeCriterionScore({ score: 61 })]) }),
			makeScoredAttempt({ status: 'in_progress', score: null })
		]);
		expect(averages).toEqual([
			{ rubricId: 'customer-service', criterionId: 'empathy', label: 'Empathy', measure: 'evidence', average: 50.5, samples: 2 }
		]);
	});
});
