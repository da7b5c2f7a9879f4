import { z } from 'zod';
import { Condition, Duration, Id, oneOrMany, ScaleChange, Text } from './common-schema';

/**
 * What the agent does with an option. `say` is plain talk; the others are the tools of the job.
 * Each has a typical duration so trainers only write `time:` when a step is unusually quick or slow.
 */
export const ACTION_SECONDS = {
	say: 30,
	'verify-identity': 60,
	'look-up-account': 45,
	'search-knowledge-base': 60,
	'place-on-hold': 120,
	'add-crm-note': 40,
	'change-account': 60,
	escalate: 90,
	transfer: 60,
	'end-contact': 15
} as const;

export type AgentAction = keyof typeof ACTION_SECONDS;
export const AgentAction = z.enum(Object.keys(ACTION_SECONDS) as [AgentAction, ...AgentAction[]]);

export const CrmValue = z.union([z.string(), z.number(), z.boolean()], {
	error: 'expected text, a number or true/false'
});

/** What an option does to the customer and to the record. */
export const Effects = z.strictObject({
	mood: ScaleChange.optional(),
	patience: ScaleChange.optional(),
	reveal: oneOrMany(Id).optional(),
	set: oneOrMany(Id).optional(),
	clear: oneOrMany(Id).optional(),
	note: Text.optional(),
	update: z.record(z.string(), CrmValue).optional()
});
export type Effects = z.output<typeof Effects>;

// A level on the criterion's scale, or `fail`: a breach of a critical item (only valid on critical criteria).
export const EvidenceValue = z.union([z.int().min(0).max(5), z.literal('fail')], {
	error: 'expected a level (0–5) or fail'
});
export type EvidenceValue = z.output<typeof EvidenceValue>;

export const Evidence = z.record(Id, EvidenceValue);
export type Evidence = z.output<typeof Evidence>;

/** The parts of an option that a state-based branch may replace. */
const branchFields = {
	go: Id.optional(),
	effects: Effects.optional(),
	evidence: Evidence.optional(),
	why: Text.optional()
};

export const Otherwise = z.strictObject(branchFields);
export const Branch = z.strictObject({ when: Condition, ...branchFields });
export type Branch = z.output<typeof Branch>;

export const Option = z
	.strictObject({
		id: Id,
		text: Text,
		action: AgentAction.default('say'),
		time: Duration.optional(),
		only_if: Condition.optional(),
		requires: oneOrMany(Id).optional(),
		otherwise: Otherwise.optional(),
		branches: z.array(Branch).min(1).optional(),
		effects: Effects.optional(),
		evidence: Evidence.optional(),
		why: Text.optional(),
		go: Id
	})
	.superRefine((option, ctx) => {
		// Both halves are needed: what is required, and what happens to an agent who skips it.
		if (option.requires && !option.otherwise)
			ctx.addIssue({ code: 'custom', path: ['requires'], message: 'requires needs an otherwise: say what happens when the flag is missing (use only_if to hide the option instead)' });
		if (option.otherwise && !option.requires)
			ctx.addIssue({ code: 'custom', path: ['otherwise'], message: 'otherwise only applies with requires: name the flags the option needs' });
	})
	.transform(({ time, ...option }) => ({ ...option, seconds: time ?? ACTION_SECONDS[option.action] }));
export type Option = z.output<typeof Option>;
