import { z } from 'zod';
import { Difficulty, Family, Id, Score, Text } from './common-schema';

/** Icons the app can draw; a badge picks one by name. */
export const BADGE_ICONS = ['headset', 'shield', 'flame', 'star', 'wrench', 'handshake', 'chat', 'trophy', 'calendar', 'heart'] as const;

/** Passes that match every filter given; `count` of them (of different scenarios when `distinct`). */
const Passes = z.strictObject({
	kind: z.literal('passes'),
	family: Family.optional(),
	scenario: Id.optional(),
	count: z.int().min(1).max(1000).default(1),
	distinct: z.boolean().default(false),
	min_score: Score.default(0),
	min_difficulty: Difficulty.default(1),
	without_critical_failure: z.boolean().default(false)
});

/** A score on one rubric criterion, `count` times. */
const CriterionScore = z.strictObject({
	kind: z.literal('criterion'),
	rubric: Id.optional(),
	criterion: Id,
	min_score: Score.default(100),
	count: z.int().min(1).max(1000).default(1)
});

const Streak = z.strictObject({ kind: z.literal('streak'), days: z.int().min(2).max(365) });

const Level = z.strictObject({ kind: z.literal('level'), level: z.int().min(2).max(10) });

/** Any certification, or the one named. */
const Certification = z.strictObject({ kind: z.literal('certification'), track: Id.optional() });

export const BadgeRule = z.discriminatedUnion('kind', [Passes, CriterionScore, Streak, Level, Certification]);
export type BadgeRule = z.output<typeof BadgeRule>;

export const Badge = z.strictObject({
	id: Id,
	version: z.int().min(1).default(1),
	title: Text,
	description: Text,
	icon: z.enum(BADGE_ICONS),
	rule: BadgeRule
});
export type Badge = z.output<typeof Badge>;
