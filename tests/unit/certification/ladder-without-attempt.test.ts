import { describe, expect, it } from 'vitest';
import { evaluateLadder } from '$lib/certification/evaluate-track';
import { evaluateLadderWithout } from '$lib/certification/ladder-without-attempt';
import { standingOf } from '$lib/server/progression/status-labels';
import { day, makeAttempt, makeFacts, makeTrack } from '../../factories/progression-factory';
import { randomHistory } from '../../factories/random-history';
import { shippedLibrary } from '../../factories/best-path';

const library = await shippedLibrary();

describe('evaluateLadderWithout', () => {
	it('gives what a full evaluation without the attempt gives, for every attempt of many made-up histories', () => {
		const { tracks } = library;
		let compared = 0;
		let changed = 0;
		for (let seed = 1; seed <= 30; seed++) {
			const facts = randomHistory(library, seed);
			const withIt = evaluateLadder(tracks, facts);
			for (const attempt of facts.attempts) {
				const expected = evaluateLadder(tracks, { ...facts, attempts: facts.attempts.filter((a) => a.id !== attempt.id) });
				expect(evaluateLadderWithout(tracks, facts, withIt, attempt.id)).toEqual(expected);
				compared++;
				if (expected.some((e, i) => standingOf(e) !== standingOf(withIt[i]))) changed++;
			}
		}
		// The histories must exercise attempts that move a standing, or the comparison proves little.
		expect(compared).toBeGreaterThan(300);
		expect(changed).toBeGreaterThan(15);
	}, 30_000);

	it('evaluates a track again when the attempt changes whether its prerequisite is met, though it reads no such attempt', () => {
		const entry = makeTrack({ id: 'entry', requirements: [{ id: 'billing', kind: 'scenarios', scenarios: ['billing-dispute'], min_score: 80 }] });
		const next = makeTrack({ id: 'next', level: 2, prerequisites: ['entry'], requirements: [{ id: 'outage', kind: 'scenarios', scenarios: ['outage'], min_score: 80 }] });
		const attempt = makeAttempt({ scenarioId: 'billing-dispute', finishedAt: day(2) });
		const facts = makeFacts({ attempts: [attempt, makeAttempt({ scenarioId: 'outage', finishedAt: day(3) })], now: day(4) });
		const withIt = evaluateLadder([entry, next], facts);
		expect(withIt.map((e) => e.status)).toEqual(['in_progress', 'in_progress']);
		const before = evaluateLadderWithout([entry, next], facts, withIt, attempt.id);
		expect(before.map((e) => e.status)).toEqual(['in_progress', 'locked']);
		expect(before[1].issue).toBeNull();
	});

	it('returns the ladder unchanged for an attempt the facts do not hold', () => {
		const track = makeTrack();
		const facts = makeFacts({ attempts: [makeAttempt()] });
		const withIt = evaluateLadder([track], facts);
		expect(evaluateLadderWithout([track], facts, withIt, 'no-such-attempt')).toEqual(withIt);
	});
});
