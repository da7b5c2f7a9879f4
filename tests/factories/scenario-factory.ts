import type { z } from 'zod';
import { Scenario } from '$lib/content/scenario-schema';
import { Rubric } from '$lib/content/rubric-schema';

type ScenarioInput = z.input<typeof Scenario>;
type NodeInput = ScenarioInput['nodes'][string];
type OptionInput = NonNullable<NodeInput['options']>[number];
type RubricInput = z.input<typeof Rubric>;
type CriterionInput = RubricInput['criteria'][number];

let n = 0;

export const makeOption = (over: Partial<OptionInput> = {}): OptionInput => ({
	id: `option-${++n}`,
	text: 'I can help with that.',
	go: 'done',
	...over
});

export const makeEnding = (over: Partial<NodeInput> = {}): NodeInput => ({
	customer: 'Thanks, bye.',
	outcome: 'resolved',
	...over
});

/** Builds through the schema, so defaults and normalisation match real content. */
export const makeScenario = (over: Partial<ScenarioInput> = {}): Scenario =>
	Scenario.parse({
		id: 'test-scenario',
		title: 'Test scenario',
		family: 'difficult-customer',
		channel: 'voice',
		difficulty: 1,
		rubric: 'test-rubric',
		target_handle_time: '2m',
		persona: { name: 'Sam Lee', situation: 'Wants a refund.', mood: 5, patience: 5 },
		crm: { fields: { Name: 'Sam Lee', Balance: '$10.00' } },
		nodes: {
			start: { customer: 'Hello?', options: [makeOption({ id: 'finish', evidence: { care: 2 } })] },
			done: makeEnding()
		},
		...over
	});

export const makeCriterion = (over: Partial<CriterionInput> = {}): CriterionInput => ({
	id: `criterion-${++n}`,
	label: 'Care',
	description: 'Acknowledges the customer.',
	weight: 50,
	levels: { 0: 'Cold', 1: 'Polite', 2: 'Warm' },
	...over
});

export const makeRubric = (over: Partial<RubricInput> = {}): Rubric =>
	Rubric.parse({
		id: 'test-rubric',
		title: 'Test rubric',
		criteria: [makeCriterion({ id: 'care', weight: 50 }), makeCriterion({ id: 'resolution', weight: 50, measure: 'resolution' })],
		...over
	});
