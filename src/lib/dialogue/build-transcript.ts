import type { Scenario } from '../content/scenario-schema';
import type { DialogueMachine } from './build-dialogue';
import { describeTurn, type TurnView } from './describe-turn';
import type { DialogueEvent, DialogueInput } from './dialogue-types';
import { startDialogue, stepDialogue, type DialogueSnapshot } from './replay';

export type TranscriptEntry = {
	/** The event number that answered this turn; absent on the last, unanswered turn. */
	seq?: number;
	nodeId: string;
	customer: string;
	choice?: { id: string; text: string; action: string };
};

export type Walkthrough = { snapshot: DialogueSnapshot; turn: TurnView; transcript: TranscriptEntry[] };

/** The opening of an attempt: the first turn, nothing answered yet. */
export const startWalk = (scenario: Scenario, machine: DialogueMachine, input: DialogueInput): Walkthrough => {
	const snapshot = startDialogue(machine, input);
	const turn = describeTurn(scenario, snapshot);
	return { snapshot, turn, transcript: [{ nodeId: turn.nodeId, customer: turn.customer }] };
};

/**
 * One more event on a walk: the open turn is answered and the next one opens. A new walk is
 * returned and the given one is left as it was, so a cached walk can be continued safely.
 */
export const continueWalk = (scenario: Scenario, machine: DialogueMachine, walk: Walkthrough, event: DialogueEvent): Walkthrough => {
	const { turn } = walk;
	const answered = walk.transcript.slice(0, -1);
	const option = turn.options.find((o) => o.id === event.optionId);
	answered.push({
		seq: answered.length + 1,
		nodeId: turn.nodeId,
		customer: turn.customer,
		...(option ? { choice: { id: option.id, text: option.text, action: option.action } } : {})
	});
	const snapshot = stepDialogue(machine, walk.snapshot, event);
	const next = describeTurn(scenario, snapshot);
	answered.push({ nodeId: next.nodeId, customer: next.customer });
	return { snapshot, turn: next, transcript: answered };
};

/**
 * Replays events one by one and keeps what was said at each turn, so a debrief (or an API
 * client) sees the conversation exactly as it happened. Same events in, same transcript out.
 */
export const walkThrough = (
	scenario: Scenario,
	machine: DialogueMachine,
	input: DialogueInput,
	events: readonly DialogueEvent[]
): Walkthrough => events.reduce((walk, event) => continueWalk(scenario, machine, walk, event), startWalk(scenario, machine, input));
