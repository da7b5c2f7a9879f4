import { describe, expect, it } from 'vitest';
import { levelFor, LEVELS } from '$lib/gamification/levels';
import { xpForAttempt } from '$lib/gamification/xp';

const first = { difficulty: 2, score: 100, passed: true, priorFinished: 0, passedBefore: false };

describe('xpForAttempt', () => {
	it('grows with score and difficulty', () => {
		expect(xpForAttempt({ ...first, passed: false, score: 50 }).base).toBe(20);
		expect(xpForAttempt({ ...first, passed: false, difficulty: 4, score: 50 }).base).toBe(40);
	});

	it('adds a first-pass bonus, once per scenario', () => {
		expect(xpForAttempt(first)).toEqual({ base: 40, replayFactor: 1, firstPassBonus: 50, total: 90 });
		expect(xpForAttempt({ ...first, priorFinished: 1, passedBefore: true }).firstPassBonus).toBe(0);
	});

	it('pays the first pass bonus even after earlier failures', () => {
		expect(xpForAttempt({ ...first, priorFinished: 2, passedBefore: false }).firstPassBonus).toBe(50);
	});

	it('pays less for each replay of the same scenario, and nothing from the fifth play', () => {
		const replays = [0, 1, 2, 3, 4, 9].map((priorFinished) => xpForAttempt({ ...first, priorFinished, passedBefore: true }).total);
		expect(replays).toEqual([40, 20, 10, 4, 0, 0]);
	});

	it('gives no XP for a zero score', () => {
		expect(xpForAttempt({ ...first, passed: false, score: 0 }).total).toBe(0);
	});
});

describe('levelFor', () => {
	it('starts everyone at level 1, New Hire', () => {
		expect(levelFor(0)).toMatchObject({ level: 1, name: 'New Hire', progress: 0, next: { level: 2 } });
	});

	it('moves up at each threshold and reports progress toward the next level', () => {
		expect(levelFor(100)).toMatchObject({ level: 2, name: 'Trainee' });
		expect(levelFor(175)).toMatchObject({ level: 2, floor: 100, progress: 0.5 });
	});

	it('stops at the top level with full progress', () => {
		const top = LEVELS.at(-1)!;
		expect(levelFor(top.minXp + 10_000)).toMatchObject({ level: top.level, next: null, progress: 1 });
	});
});
