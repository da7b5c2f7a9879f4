import { z } from 'zod';
import { Difficulty, Family, Id, Score, Text } from './common-schema';

const requirementBase = { id: Id, title: Text.optional() };

/** Pass each of these scenarios at or above a score. */
const PassScenarios = z.strictObject({
	...requirementBase,
	kind: z.literal('scenarios'),
	scenarios: z.array(Id).min(1),
	min_score: Score.default(80)
});

/** Pass a number of different scenarios from one family, at a minimum difficulty. */
const PassFamily = z.strictObject({
	...requirementBase,
	kind: z.literal('family'),
	family: Family,
	count: z.int().min(1).default(1),
	min_difficulty: Difficulty.default(1),
	min_score: Score.default(80)
});

/** Reach a level on one rubric criterion (the evaluator decides over which attempts). */
const Proficiency = z.strictObject({
	...requirementBase,
	kind: z.literal('proficiency'),
	rubric: Id,
	criterion: Id,
	min_level: z.int().min(0).max(5)
});

/**
 * Score a recorded conversation with the rubric, landing within `tolerance` points of the expert.
 * The recording is the list of option ids the recorded agent chose; the expert score defaults
 * to the engine's own score of that recording.
 */
const Calibration = z.strictObject({
	...requirementBase,
	kind: z.literal('calibration'),
	scenario: Id,
	recording: z.array(Id).min(1),
	tolerance: z.int().min(0).max(50).default(5),
	expert_score: Score.optional(),
	/** The expert's score per criterion (criterion id → 0–100); defaults to the engine's scoring of the recording. */
	expert_scores: z.record(Id, Score).optional()
});

export const Requirement = z.discriminatedUnion('kind', [PassScenarios, PassFamily, Proficiency, Calibration]);
export type Requirement = z.output<typeof Requirement>;

/** Limits on retrying one requirement, so a track cannot be passed by brute force. */
export const Retakes = z.strictObject({
	max_failed: z.int().min(1).default(3),
	window_days: z.int().min(1).default(30),
	cool_down_days: z.int().min(0).default(7)
});

export const Track = z.strictObject({
	id: Id,
	version: z.int().min(1).default(1),
	title: Text,
	description: Text.optional(),
	level: z.int().min(1).max(5),
	side_track: z.boolean().default(false),
	prerequisites: z.array(Id).default([]),
	valid_for_months: z.int().min(1).max(120).default(24),
	skills: z.array(Id).min(1),
	retakes: Retakes.prefault({}),
	requirements: z.array(Requirement).min(1)
});
export type Track = z.output<typeof Track>;
