import { describe, expect, it } from 'vitest';
import { criterionScoreEntries, entriesAsRecord } from '../../../src/lib/coaching/criterion-scores';

const score = {
	criteria: [
		{ id: 'empathy', label: 'Empathy', score: 80, applicable: true },
		{ id: 'verification', label: 'Verification', score: 0, applicable: true },
		{ id: 'upsell', label: 'Upsell', score: null, applicable: false }
	],
	criticalFailures: [{ criterionId: 'verification' }, { criterionId: 'verification' }]
};

describe('criterionScoreEntries', () => {
	it('keeps one entry per criterion with its score and its critical failures', () => {
		expect(criterionScoreEntries(score)).toEqual([
			{ criterionId: 'empathy', label: 'Empathy', score: 80, criticalFailures: 0 },
			{ criterionId: 'verification', label: 'Verification', score: 0, criticalFailures: 2 },
			{ criterionId: 'upsell', label: 'Upsell', score: null, criticalFailures: 0 }
		]);
	});

	it('drops the score of a criterion that did not apply, keeps the first of a repeated id, and never loses a failure', () => {
		const entries = criterionScoreEntries({
			criteria: [
				{ id: 'a', label: 'A', score: 50, applicable: false },
				{ id: 'b', label: 'B', score: 60 },
				{ id: 'b', label: 'B again', score: 10 }
			],
			criticalFailures: [{ criterionId: 'gone' }]
		});
		expect(entries).toEqual([
			{ criterionId: 'a', label: 'A', score: null, criticalFailures: 1 },
			{ criterionId: 'b', label: 'B', score: 60, criticalFailures: 0 }
		]);
		expect(criterionScoreEntries({ criteria: [], criticalFailures: [{ criterionId: 'x' }] })).toEqual([]);
	});
});

describe('reading the entries back', () => {
	it('gives the evaluator the same scores and failure count as the score', () => {
		expect(entriesAsRecord(criterionScoreEntries(score))).toEqual({ criteria: { empathy: 80, verification: 0, upsell: null }, criticalFailures: 2 });
		expect(entriesAsRecord([])).toEqual({ criteria: {}, criticalFailures: 0 });
	});
});
