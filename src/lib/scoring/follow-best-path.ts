import type { Rubric } from '../content/rubric-schema';
import type { Scenario } from '../content/scenario-schema';
import { buildDialogue, type DialogueMachine } from '../dialogue/build-dialogue';
import type { DialogueEvent, DialogueInput } from '../dialogue/dialogue-types';
import { chooseOption, startDialogue, stepDialogue, type DialogueSnapshot } from '../dialogue/replay';
import { describeOffered, offeredOptions } from '../dialogue/resolve-choice';
import { bestOffered } from './best-option';

// Far beyond any real conversation; only a scenario whose best options loop forever gets here.
const MAX_TURNS = 200;

export type BestPath = {
	events: DialogueEvent[];
	snapshot: DialogueSnapshot;
	/** Set when the walk stopped before an ending: no option on offer, or a loop. */
	stuckAt?: { nodeId: string; reason: 'no-options' | 'too-long' };
};

/** Plays the scenario choosing the rubric's best option at every turn (ties go to the first listed). */
export const followBestPath = (
	scenario: Scenario,
	rubric: Rubric,
	input: DialogueInput = {},
	machine: DialogueMachine = buildDialogue(scenario)
): BestPath => continueBestPath(scenario, rubric, machine, startDialogue(machine, input));

/**
 * Plays on from any point of a conversation choosing the best option at every turn; `events` are
 * the ones added. Answers "would playing well from here still finish?" for tests and the studio.
 */
export const continueBestPath = (scenario: Scenario, rubric: Rubric, machine: DialogueMachine, from: DialogueSnapshot): BestPath => {
	const events: DialogueEvent[] = [];
	let snapshot = from;
	while (snapshot.status === 'active') {
		const { context } = snapshot;
		if (events.length >= MAX_TURNS) return { events, snapshot, stuckAt: { nodeId: context.nodeId, reason: 'too-long' } };
		const node = scenario.nodes[context.nodeId];
		const best = bestOffered(describeOffered(offeredOptions(node, context), context), rubric);
		if (!best) return { events, snapshot, stuckAt: { nodeId: context.nodeId, reason: 'no-options' } };
		const event = chooseOption(best.optionId);
		events.push(event);
		snapshot = stepDialogue(machine, snapshot, event);
	}
	return { events, snapshot };
};
