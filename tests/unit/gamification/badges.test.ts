import { describe, expect, it } from 'vitest';
import { describeBadgeRule, earnedBadges, type BadgeFacts } from '$lib/gamification/badges';
import { day, makeAttempt, makeBadge, makeFailedAttempt } from '../../factories/progression-factory';

const facts = (over: Partial<BadgeFacts> = {}): BadgeFacts => ({ attempts: [], xp: 0, longestStreak: 0, certifications: [], now: day(30), ...over });

describe('earnedBadges', () => {
	it('awards a first de-escalation without a critical failure, dated by that attempt', () => {
		const badge = makeBadge({ id: 'calm', rule: { kind: 'passes', family: 'difficult-customer', without_critical_failure: true } });
		const attempts = [makeAttempt({ criticalFailures: 1, finishedAt: day(1) }), makeAttempt({ finishedAt: day(2) })];
		expect(earnedBadges([badge], facts({ attempts }))).toEqual([{ badgeId: 'calm', earnedAt: day(2) }]);
	});

	it('needs five passes in a family for a five-passes badge', () => {
		const badge = makeBadge({ rule: { kind: 'passes', family: 'difficult-customer', count: 5 } });
		const four = [1, 2, 3, 4].map((d) => makeAttempt({ finishedAt: day(d) }));
		expect(earnedBadges([badge], facts({ attempts: [...four, makeFailedAttempt()] }))).toEqual([]);
		expect(earnedBadges([badge], facts({ attempts: [...four, makeAttempt({ finishedAt: day(9) })] }))[0].earnedAt).toBe(day(9));
	});

	it('counts each scenario once for a distinct-scenarios badge', () => {
		const badge = makeBadge({ rule: { kind: 'passes', count: 2, distinct: true } });
		expect(earnedBadges([badge], facts({ attempts: [makeAttempt(), makeAttempt()] }))).toEqual([]);
	});

	it('awards a perfect compliance score', () => {
		const badge = makeBadge({ rule: { kind: 'criterion', rubric: 'customer-service', criterion: 'compliance' } });
		expect(earnedBadges([badge], facts({ attempts: [makeAttempt({ criteria: { compliance: 99 } })] }))).toEqual([]);
		expect(earnedBadges([badge], facts({ attempts: [makeAttempt({ criteria: { compliance: 100 } })] }))).toHaveLength(1);
	});

	it('awards streak, level and certification badges from the roll-ups', () => {
		const badges = [
			makeBadge({ id: 'streak', rule: { kind: 'streak', days: 7 } }),
			makeBadge({ id: 'level', rule: { kind: 'level', level: 3 } }),
			makeBadge({ id: 'cert', rule: { kind: 'certification' } })
		];
		const earned = earnedBadges(badges, facts({ longestStreak: 7, xp: 250, certifications: [{ trackId: 't', earnedAt: day(4) }] }));
		expect(earned).toEqual([
			{ badgeId: 'streak', earnedAt: day(30) },
			{ badgeId: 'level', earnedAt: day(30) },
			{ badgeId: 'cert', earnedAt: day(4) }
		]);
	});

	it('describes what a badge asks for', () => {
		expect(describeBadgeRule(makeBadge({ rule: { kind: 'passes', family: 'difficult-customer', without_critical_failure: true } }).rule)).toBe(
			'Pass a difficult customer scenario without a critical failure'
		);
	});
});
