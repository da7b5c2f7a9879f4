import { describe, expect, it } from 'vitest';
import { attemptCounts } from '../../../bench/scale/attempt-counts';

/** The same small seeded generator the bench uses, so a failure repeats. */
const seeded = (seed: number) => () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

describe('attemptCounts (the bench generator’s share of attempts per learner)', () => {
	it.each([
		[1_000_000, 10_000],
		[200_000, 2_000],
		[2_000, 200],
		[7, 3],
		[3, 10]
	])('hands out exactly %i attempts to %i learners, none negative', (total, learners) => {
		const counts = attemptCounts(total, learners, seeded(9));
		expect(counts).toHaveLength(learners);
		expect(sum(counts)).toBe(total);
		expect(Math.min(...counts)).toBeGreaterThanOrEqual(0);
	});

	it('keeps every learner, the last one too, between half and one and a half times the mean', () => {
		const counts = attemptCounts(200_000, 2_000, seeded(4));
		const mean = 200_000 / 2_000;
		// The weights' mean is only about 1, and rounding moves a count by one.
		expect(Math.min(...counts)).toBeGreaterThanOrEqual(0.45 * mean - 1);
		expect(Math.max(...counts)).toBeLessThanOrEqual(1.55 * mean + 1);
		expect(counts.at(-1)!).toBeLessThanOrEqual(1.55 * mean + 1);
	});

	it('gives the same counts for the same seed', () => {
		expect(attemptCounts(5_000, 50, seeded(2))).toEqual(attemptCounts(5_000, 50, seeded(2)));
	});
});
