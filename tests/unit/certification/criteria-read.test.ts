import { describe, expect, it } from 'vitest';
import { evaluateLadder } from '$lib/certification/evaluate-track';
import type { LearnerFacts } from '$lib/certification/evaluate-track';
import { criteriaReadBy } from '$lib/certification/requirement-progress';
import { criteriaReadByBadges, earnedBadges } from '$lib/gamification/badges';
import { shippedLibrary } from '../../factories/best-path';
import { randomHistory } from '../../factories/random-history';

const library = await shippedLibrary();

// Progression loads attempts with only the criteria the rules read (plus every critical failure).
describe('the criteria the rules read', () => {
	it('decide every track and badge exactly as all criteria do', () => {
		const read = new Set([...library.tracks.flatMap((t) => criteriaReadBy(t.requirements)), ...criteriaReadByBadges(library.badges)]);
		const badgeFacts = (facts: LearnerFacts) => ({ attempts: facts.attempts, xp: 300, longestStreak: 3, certifications: facts.certificates, now: facts.now });
		let metByCriterion = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const full = randomHistory(library, seed);
			const narrow = {
				...full,
				attempts: full.attempts.map((a) => ({ ...a, criteria: Object.fromEntries(Object.entries(a.criteria).filter(([id]) => read.has(id))) }))
			};
			const ladder = evaluateLadder(library.tracks, full);
			expect(evaluateLadder(library.tracks, narrow)).toEqual(ladder);
			expect(earnedBadges(library.badges, badgeFacts(narrow))).toEqual(earnedBadges(library.badges, badgeFacts(full)));
			metByCriterion += ladder.flatMap((e) => e.requirements).filter((r) => r.kind === 'proficiency' && r.met).length;
		}
		expect(metByCriterion).toBeGreaterThan(5);
	});

	it('leave some criteria of the shipped rubrics out, or there would be nothing to save', () => {
		const read = new Set([...library.tracks.flatMap((t) => criteriaReadBy(t.requirements)), ...criteriaReadByBadges(library.badges)]);
		const all = new Set(library.rubrics.flatMap((r) => r.criteria.map((c) => c.id)));
		expect(read.size).toBeGreaterThan(0);
		expect(read.size).toBeLessThan(all.size);
	});
});
