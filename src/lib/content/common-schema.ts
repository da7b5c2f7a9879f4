import { z } from 'zod';
import { parseDuration } from './durations';

// Ids appear in URLs, stored attempts and YAML references, so keep them plain: billing-dispute, step-2.
export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export const Id = z
	.string()
	.regex(ID_PATTERN, { error: 'use lowercase words and digits joined by hyphens, like billing-dispute' });

export const Text = z.string().trim().min(1, { error: 'must not be empty' });

/** Mood and patience share one 0–10 scale so trainers only learn it once. */
export const SCALE_MAX = 10;
export const Scale = z.int().min(0).max(SCALE_MAX);

/** A change to mood or patience, like +2 or -3. */
export const ScaleChange = z.int().min(-SCALE_MAX).max(SCALE_MAX);

export const Duration = z
	.union([z.number(), z.string()], { error: 'expected a duration like 7m, 6m30s or 90s' })
	.transform((value, ctx) => {
		const seconds = parseDuration(value);
		if (seconds === undefined) {
			ctx.issues.push({ code: 'custom', input: value, message: `"${value}" is not a duration: write it like 7m, 6m30s or 90s` });
			return z.NEVER;
		}
		return seconds;
	});

/** Lets a trainer write `flags: identity-verified` as well as `flags: [identity-verified]`. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
	z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item));

export const FAMILIES = ['difficult-customer', 'technical-troubleshooting', 'sales-objection', 'leadership'] as const;
export const Family = z.enum(FAMILIES);
export type Family = z.output<typeof Family>;

export const CHANNELS = ['voice', 'chat', 'email'] as const;
export const Channel = z.enum(CHANNELS);

export const Difficulty = z.int().min(1).max(5);

export const Score = z.int().min(0).max(100);

/**
 * A test on the conversation so far; every key given must hold.
 * Used for state-based branches, options shown only sometimes, and conditional customer lines.
 */
export const Condition = z
	.strictObject({
		flags: oneOrMany(Id).optional(),
		without: oneOrMany(Id).optional(),
		facts: oneOrMany(Id).optional(),
		mood_at_least: Scale.optional(),
		mood_below: Scale.optional(),
		patience_at_least: Scale.optional(),
		patience_below: Scale.optional(),
		after: Duration.optional()
	})
	.refine((c) => Object.values(c).some((v) => v !== undefined), {
		error: 'a condition needs at least one test, like flags: [identity-verified]'
	});
export type Condition = z.output<typeof Condition>;
