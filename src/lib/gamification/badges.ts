import { compareTimestamps } from '../certification/dates';
import type { AttemptRecord } from '../certification/records';
import type { Badge, BadgeRule } from '../content/badge-schema';
import { levelFor } from './levels';

export interface BadgeFacts {
	/** Finished attempts, any order. */
	attempts: readonly AttemptRecord[];
	xp: number;
	longestStreak: number;
	/** Certifications earned, with when. */
	certifications: readonly { trackId: string; earnedAt: string }[];
	now: string;
}

export interface EarnedBadge {
	badgeId: string;
	earnedAt: string;
}

type Rule<K extends BadgeRule['kind']> = Extract<BadgeRule, { kind: K }>;

const matchesPass = (rule: Rule<'passes'>, a: AttemptRecord) =>
	a.passed &&
	a.score >= rule.min_score &&
	a.difficulty >= rule.min_difficulty &&
	(!rule.family || a.family === rule.family) &&
	(!rule.scenario || a.scenarioId === rule.scenario) &&
	(!rule.without_critical_failure || a.criticalFailures === 0);

/** When the `count`-th matching attempt (oldest first) finished, counting each scenario once when `distinct`. */
function reachedAt(oldestFirst: readonly AttemptRecord[], matches: (a: AttemptRecord) => boolean, count: number, distinct = false) {
	const seen = new Set<string>();
	let n = 0;
	for (const a of oldestFirst) {
		if (!matches(a)) continue;
		if (distinct) {
			if (seen.has(a.scenarioId)) continue;
			seen.add(a.scenarioId);
		}
		if (++n >= count) return a.finishedAt;
	}
	return null;
}

function earnedAt(rule: BadgeRule, facts: BadgeFacts, oldestFirst: () => readonly AttemptRecord[]): string | null {
	switch (rule.kind) {
		case 'passes':
			return reachedAt(oldestFirst(), (a) => matchesPass(rule, a), rule.count, rule.distinct);
		case 'criterion':
			return reachedAt(
				oldestFirst(),
				(a) => (!rule.rubric || a.rubricId === rule.rubric) && (a.criteria[rule.criterion] ?? -1) >= rule.min_score,
				rule.count
			);
		case 'streak':
			return facts.longestStreak >= rule.days ? facts.now : null;
		case 'level':
			return levelFor(facts.xp).level >= rule.level ? facts.now : null;
		case 'certification': {
			const dates = facts.certifications.filter((c) => !rule.track || c.trackId === rule.track).map((c) => c.earnedAt);
			return dates.length ? dates.sort()[0] : null;
		}
	}
}

/** Every badge these facts earn, dated by the attempt (or moment) that earned it. Badges, once earned, are kept. */
export function earnedBadges(badges: readonly Badge[], facts: BadgeFacts): EarnedBadge[] {
	// Sorted once for all badges, and only if one needs it: a long history sorted per badge was most of the cost.
	let sorted: AttemptRecord[] | undefined;
	const oldestFirst = () => (sorted ??= [...facts.attempts].sort((x, y) => compareTimestamps(x.finishedAt, y.finishedAt)));
	return badges.flatMap((badge) => {
		const at = earnedAt(badge.rule, facts, oldestFirst);
		return at ? [{ badgeId: badge.id, earnedAt: at }] : [];
	});
}

/** The criterion ids these badges read from attempts: no other criterion decides a badge. */
export const criteriaReadByBadges = (badges: readonly Badge[]): string[] =>
	badges.flatMap((b) => (b.rule.kind === 'criterion' ? [b.rule.criterion] : []));

/** Says in a few words what it takes, for badges not earned yet. */
export function describeBadgeRule(rule: BadgeRule): string {
	switch (rule.kind) {
		case 'passes': {
			const one = rule.count === 1;
			const family = rule.family?.replace(/-/g, ' ');
			const what = rule.scenario
				? `"${rule.scenario.replace(/-/g, ' ')}"`
				: `${one ? 'a ' : ''}${family ? `${family} ` : ''}scenario${one ? '' : 's'}`;
			const times = rule.count === 1 ? 'Pass' : `Pass ${rule.count}${rule.distinct ? ' different' : ''}`;
			return `${times} ${what}${rule.without_critical_failure ? ' without a critical failure' : ''}${rule.min_score ? ` scoring ${rule.min_score}+` : ''}`;
		}
		case 'criterion':
			return `Score ${rule.min_score} on ${rule.criterion.replace(/-/g, ' ')}${rule.count > 1 ? ` ${rule.count} times` : ''}`;
		case 'streak':
			return `Practise ${rule.days} days in a row`;
		case 'level':
			return `Reach level ${rule.level}`;
		case 'certification':
			return rule.track ? `Earn the ${rule.track.replace(/-/g, ' ')} certification` : 'Earn any certification';
	}
}
