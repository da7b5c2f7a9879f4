import type { AgentAction } from '../content/option-schema';
import type { Outcome } from '../content/outcomes';
import type { Scenario } from '../content/scenario-schema';
import { meetsCondition } from './conditions';
import type { DialogueContext } from './dialogue-types';
import { offeredOptions } from './resolve-choice';

export type CrmFieldView = { name: string; value: string | number | boolean; changed: boolean };

/** What the learner sees at one moment: the customer, their choices and the CRM beside them. */
export type TurnView = {
	nodeId: string;
	ended: boolean;
	outcome?: Outcome;
	debrief?: string;
	customer: string;
	options: { id: string; text: string; action: AgentAction }[];
	mood: number;
	patience: number;
	elapsedSeconds: number;
	facts: { id: string; text: string }[];
	flags: string[];
	crm: { fields: CrmFieldView[]; history: string[]; notes: string[]; addedNotes: string[] };
};

export const describeTurn = (scenario: Scenario, snapshot: { context: DialogueContext; status: string }): TurnView => {
	const { context } = snapshot;
	const node = scenario.nodes[context.nodeId];
	if (!node) throw new Error(`Scenario ${scenario.id} has no node ${context.nodeId}`);
	const ended = snapshot.status === 'done';
	const original = scenario.crm.fields;
	return {
		nodeId: context.nodeId,
		ended,
		...(context.outcome ? { outcome: context.outcome } : {}),
		...(ended && node.debrief ? { debrief: node.debrief } : {}),
		customer: node.customer
			.filter((line) => !('when' in line) || meetsCondition(line.when, context))
			.map((line) => line.say)
			.join('\n'),
		options: ended ? [] : offeredOptions(node, context).map(({ id, text, action }) => ({ id, text, action })),
		mood: context.mood,
		patience: context.patience,
		elapsedSeconds: context.elapsedSeconds,
		facts: context.facts.map((id) => ({ id, text: scenario.facts[id] ?? id })),
		flags: context.flags,
		crm: {
			fields: [...new Set([...Object.keys(original), ...Object.keys(context.crm.updates)])].map((name) => ({
				name,
				value: context.crm.updates[name] ?? original[name],
				changed: name in context.crm.updates && context.crm.updates[name] !== original[name]
			})),
			history: scenario.crm.history ?? [],
			notes: [...(scenario.crm.notes ?? []), ...context.crm.notes],
			addedNotes: context.crm.notes
		}
	};
};
