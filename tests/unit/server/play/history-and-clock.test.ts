import { describe, expect, it } from 'vitest';
import { formatClock, spokenDuration } from '$lib/components/clock-format';
import { criterionTrends } from '$lib/server/play/history-view';
import { makeCriterionScore, makeScore, makeScoredAttempt } from '../../../factories/play-factory';

describe('criterionTrends', () => {
	it('lists each criterion\'s scores oldest first, with the change since the first', () => {
		const trends = criterionTrends(
			[
				makeScoredAttempt({ startedAt: '2026-03-01T00:00:00Z', score: makeScore([makeCriterionScore({ score: 80 })]) }),
				makeScoredAttempt({ startedAt: '2026-01-01T00:00:00Z', score: makeScore([makeCriterionScore({ score: 40 })]) }),
				makeScoredAttempt({ startedAt: '2026-02-01T00:00:00Z', status: 'abandoned', score: null })
			],
			new Map([['customer-service', 'Customer service QA scorecard']])
		);
		expect(trends).toEqual([
			{
				rubricId: 'customer-service',
				title: 'Customer service QA scorecard',
				attempts: 2,
				criteria: [{ criterionId: 'empathy', label: 'Empathy', scores: [40, 80], latest: 80, change: 40 }]
			}
		]);
	});
});

describe('formatClock', () => {
	it('shows simulated seconds as a call timer does', () => {
		expect(formatClock(0)).toBe('0:00');
		expect(formatClock(425)).toBe('7:05');
		expect(formatClock(3750)).toBe('1:02:30');
		expect(spokenDuration(61)).toBe('1 minute 1 second');
	});
});
