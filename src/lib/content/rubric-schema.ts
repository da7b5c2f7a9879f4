import { z } from 'zod';
import { Id, Score, Text } from './common-schema';

/**
 * Where a criterion's score comes from: the evidence options carry (the default),
 * or the end of the contact: how it ended, how long it took, how the customer felt.
 */
export const MEASURES = ['evidence', 'resolution', 'handle-time', 'customer-mood'] as const;
export type Measure = (typeof MEASURES)[number];

export const Criterion = z.strictObject({
	id: Id,
	label: Text,
	description: Text,
	weight: z.int().min(1).max(100),
	measure: z.enum(MEASURES).default('evidence'),
	// Like a QA form's "fail section" / "fail all": a breach cannot be averaged away.
	critical: z.enum(['section', 'all']).optional(),
	section: Id.optional(),
	levels: z.record(z.string().regex(/^[0-5]$/, { error: 'levels are numbered 0 to 5' }), Text)
});
export type Criterion = z.output<typeof Criterion>;

export const DEFAULT_PASS_MARK = 80;

export const Rubric = z.strictObject({
	id: Id,
	version: z.int().min(1).default(1),
	title: Text,
	description: Text.optional(),
	pass_mark: Score.default(DEFAULT_PASS_MARK),
	criteria: z.array(Criterion).min(1)
});
export type Rubric = z.output<typeof Rubric>;

/** The top of a criterion's scale: evidence levels are credited relative to it. */
export const maxLevel = (criterion: Criterion): number => Math.max(0, ...Object.keys(criterion.levels).map(Number));

/** Criteria that share a section fail together when a "fail section" item is breached. */
export const sectionOf = (criterion: Criterion): string => criterion.section ?? criterion.id;
