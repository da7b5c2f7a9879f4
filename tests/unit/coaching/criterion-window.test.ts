import { describe, expect, it } from 'vitest';
import { competencyHeatmap, WINDOW } from '../../../src/lib/coaching/competency-heatmap';
import { criterionScoreEntries } from '../../../src/lib/coaching/criterion-scores';
import { newestFirst, scoredSince, windowAttemptOf, withAttempt, type WindowAttempt } from '../../../src/lib/coaching/criterion-window';
import { seededRandom } from '../../factories/random-history';

const attempt = (attemptId: string, startedAt: string, score: number | null = 80): WindowAttempt => ({
	attemptId,
	startedAt,
	criteria: [{ id: 'empathy', label: 'Empathy', score }]
});

describe('a member heatmap window', () => {
	it('keeps the newest WINDOW attempts, newest first, whatever order they finish in', () => {
		const random = seededRandom(3);
		const all = Array.from({ length: 40 }, (_, i) => attempt(`a${String(i).padStart(2, '0')}`, `2026-0${1 + random.int(9)}-1${random.int(10)}T00:00:00Z`));
		let window: WindowAttempt[] = [];
		for (const a of all) window = withAttempt(window, a);
		expect(window).toEqual([...all].sort(newestFirst).slice(0, WINDOW));
		expect(window).toHaveLength(WINDOW);
	});

	it('lets an attempt older than a full window fall straight out, and a newer one push the oldest out', () => {
		const full = Array.from({ length: WINDOW }, (_, i) => attempt(`a${i}`, `2026-05-${String(10 + i).padStart(2, '0')}T00:00:00Z`)).sort(newestFirst);
		expect(withAttempt(full, attempt('old', '2026-01-01T00:00:00Z'))).toEqual(full);
		const pushed = withAttempt(full, attempt('new', '2026-06-01T00:00:00Z'));
		expect(pushed[0].attemptId).toBe('new');
		expect(pushed.map((a) => a.attemptId)).not.toContain('a0');
	});

	it('replaces an attempt already in it (a score changed on appeal) instead of counting it twice', () => {
		const window = withAttempt([attempt('a', '2026-05-01T00:00:00Z', 40), attempt('b', '2026-04-01T00:00:00Z')], attempt('a', '2026-05-01T00:00:00Z', 95));
		expect(window.map((a) => [a.attemptId, a.criteria[0].score])).toEqual([['a', 95], ['b', 80]]);
	});

	it('orders attempts started at the same moment by id, the same way every time', () => {
		const a = attempt('a', '2026-05-01T00:00:00Z');
		const b = attempt('b', '2026-05-01T00:00:00Z');
		expect(withAttempt([a], b)).toEqual(withAttempt([b], a));
		expect(withAttempt([a], b).map((x) => x.attemptId)).toEqual(['b', 'a']);
	});

	it('gives the heatmap the same cells as the score itself, and only attempts inside the lookback', () => {
		const score = {
			criteria: [
				{ id: 'empathy', label: 'Empathy', score: 80, applicable: true },
				{ id: 'upsell', label: 'Upsell', score: 55, applicable: false }
			],
			criticalFailures: []
		};
		const window = [windowAttemptOf('a', '2026-05-01T00:00:00Z', criterionScoreEntries(score))];
		const fromScore = competencyHeatmap([{ memberId: 'm', attempts: [{ startedAt: '2026-05-01T00:00:00Z', criteria: score.criteria }] }]);
		expect(competencyHeatmap([{ memberId: 'm', attempts: scoredSince(window, '2026-04-01T00:00:00Z') }])).toEqual(fromScore);
		expect(fromScore.rows[0].cells.upsell).toBeUndefined();
		expect(scoredSince(window, '2026-05-02T00:00:00Z')).toEqual([]);
	});
});
