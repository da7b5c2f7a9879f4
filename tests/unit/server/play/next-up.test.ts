import { describe, expect, it } from 'vitest';
import { progressByScenario } from '$lib/server/play/learner-progress';
import { onboardingPath, recommendForWeakest } from '$lib/server/play/next-up';
import { makeCatalogEntry, makeCriterionScore, makeScore, makeScoredAttempt } from '../../../factories/play-factory';

describe('onboardingPath', () => {
	const entries = [
		makeCatalogEntry({ id: 'hard', difficulty: 4 }),
		makeCatalogEntry({ id: 'easy-service', difficulty: 1, family: 'difficult-customer' }),
		makeCatalogEntry({ id: 'easy-service-2', difficulty: 1, family: 'difficult-customer' }),
		makeCatalogEntry({ id: 'easy-tech', difficulty: 1, family: 'technical-troubleshooting' }),
		makeCatalogEntry({ id: 'medium-sales', difficulty: 2, family: 'sales-objection' }),
		makeCatalogEntry({ id: 'medium-lead', difficulty: 3, family: 'leadership' })
	];

	it('orders five days from easy to hard, meeting a new family before repeating one', () => {
		const path = onboardingPath(entries, progressByScenario([]));
		expect(path.map((s) => s.scenarioId)).toEqual(['easy-service', 'easy-tech', 'easy-service-2', 'medium-sales', 'medium-lead']);
		expect(path.map((s) => s.day)).toEqual([1, 2, 3, 4, 5]);
	});

	it('marks passed days done and the first unpassed one current', () => {
		const progress = progressByScenario([makeScoredAttempt({ scenarioId: 'easy-service', status: 'passed', scoreTotal: 90 })]);
		expect(onboardingPath(entries, progress).map((s) => s.state)).toEqual(['done', 'current', 'upcoming', 'upcoming', 'upcoming']);
	});
});

describe('recommendForWeakest', () => {
	const weakOnEmpathy = [
		makeScoredAttempt({ scenarioId: 'a', status: 'passed', score: makeScore([makeCriterionScore({ id: 'empathy', label: 'Empathy', score: 30 }), makeCriterionScore({ id: 'compliance', label: 'Compliance', score: 90 })]) })
	];

	it('recommends nothing before any score exists', () => {
		expect(recommendForWeakest([makeCatalogEntry()], [], progressByScenario([]))).toBeNull();
	});

	it('picks an unpassed scenario on the same rubric that practises the weakest criterion, easiest first', () => {
		const entries = [
			makeCatalogEntry({ id: 'a', practises: ['empathy'] }),
			makeCatalogEntry({ id: 'no-empathy', practises: ['compliance'] }),
			makeCatalogEntry({ id: 'other-rubric', rubric: 'sales', practises: ['empathy'] }),
			makeCatalogEntry({ id: 'hard', practises: ['empathy'], difficulty: 4 }),
			makeCatalogEntry({ id: 'easy', practises: ['empathy'], difficulty: 2 })
		];
		const pick = recommendForWeakest(entries, weakOnEmpathy, progressByScenario(weakOnEmpathy));
		expect(pick?.scenarioId).toBe('easy');
		expect(pick?.reason).toMatch(/Empathy \(average 30 of 100\)/);
	});
});
