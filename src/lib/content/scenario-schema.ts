import { z } from 'zod';
import { Channel, Condition, Difficulty, Duration, Family, Id, Scale, Score, Text } from './common-schema';
import { CrmValue, Option } from './option-schema';
import { OUTCOME_IDS, type Outcome } from './outcomes';

/** The node a customer whose patience runs out is sent to; trainers may write their own. */
export const HANG_UP_NODE_ID = 'hung-up';

const HANG_UP_LINES: Record<z.output<typeof Channel>, string> = {
	voice: '(The line goes quiet. The customer has hung up.)',
	chat: '(The customer has left the chat.)',
	email: '(No reply comes. The customer has taken their business elsewhere.)'
};

export const Persona = z.strictObject({
	name: Text,
	situation: Text,
	mood: Scale,
	patience: Scale.min(1, { error: 'a customer who starts with no patience hangs up at once: use 1 or more' }),
	// Trainer-facing background in Markdown; shown in the studio, sanitised, never run as HTML.
	notes: Text.optional()
});

export const CrmRecord = z.strictObject({
	fields: z.record(z.string(), CrmValue),
	history: z.array(Text).optional(),
	notes: z.array(Text).optional()
});
export type CrmRecord = z.output<typeof CrmRecord>;

const CustomerLine = z.union([Text, z.strictObject({ when: Condition, say: Text })], {
	error: 'expected a line of text, or when: and say:'
});

export const Node = z
	.strictObject({
		customer: z.union([Text, z.array(CustomerLine).min(1)], { error: 'expected a line of text or a list of lines' }).optional(),
		options: z.array(Option).min(1).optional(),
		outcome: z.enum(OUTCOME_IDS).optional(),
		debrief: Text.optional(),
		resolution: Score.optional()
	})
	.transform(({ customer, ...node }) => ({
		...node,
		// One shape for the engine: every line may carry a condition.
		customer: (customer === undefined ? [] : typeof customer === 'string' ? [customer] : customer).map((line) =>
			typeof line === 'string' ? { say: line } : line
		)
	}));
export type Node = z.output<typeof Node>;
export type CustomerLine = Node['customer'][number];

export const Scenario = z
	.strictObject({
		id: Id,
		version: z.int().min(1).default(1),
		title: Text,
		family: Family,
		channel: Channel,
		difficulty: Difficulty,
		rubric: Id,
		summary: Text.optional(),
		target_handle_time: Duration,
		persona: Persona,
		crm: CrmRecord,
		facts: z.record(Id, Text).optional(),
		start: Id.optional(),
		nodes: z.record(Id, Node).refine((nodes) => Object.keys(nodes).length > 0, { error: 'a scenario needs at least one node' })
	})
	.transform(({ start, nodes, ...scenario }) => ({
		...scenario,
		facts: scenario.facts ?? {},
		start: start ?? Object.keys(nodes)[0],
		nodes: withHangUpNode(nodes, scenario.channel)
	}));
export type Scenario = z.output<typeof Scenario>;

const withHangUpNode = (nodes: Record<string, Node>, channel: z.output<typeof Channel>): Record<string, Node> =>
	HANG_UP_NODE_ID in nodes
		? nodes
		: {
				...nodes,
				[HANG_UP_NODE_ID]: {
					customer: [{ say: HANG_UP_LINES[channel] }],
					outcome: 'customer-hung-up' satisfies Outcome,
					debrief: 'The customer ran out of patience and left before the issue was handled.'
				}
			};

export const isEnding = (node: Node): boolean => node.outcome !== undefined;
