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

/**
 * Replays events one by one and keeps what was said at each turn, so a debrief (or an API
 * client) sees the conversation exactly as it happened. Same events in, same transcript out.
 */
export const walkThrough = (
	scenario: Scenario,
	machine: DialogueMachine,
	input: DialogueInput,
	events: readonly DialogueEvent[]
): Walkthrough => {
	let snapshot = startDialogue(machine, input);
	let turn = describeTurn(scenario, snapshot);
	const transcript: TranscriptEntry[] = [];
	events.forEach((event, index) => {
		const option = turn.options.find((o) => o.id === event.optionId);
		transcript.push({
			seq: index + 1,
			nodeId: turn.nodeId,
			customer: turn.customer,
			...(option ? { choice: { id: option.id, text: option.text, action: option.action } } : {})
		});
		snapshot = stepDialogue(machine, snapshot, event);
		turn = describeTurn(scenario, snapshot);
	});
	transcript.push({ nodeId: turn.nodeId, customer: turn.customer });
	return { snapshot, turn, transcript };
};
