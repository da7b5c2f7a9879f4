import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { DialogueMachine } from './build-dialogue';
import type { DialogueEvent, DialogueInput } from './dialogue-types';

export type DialogueSnapshot = SnapshotFrom<DialogueMachine>;

/**
 * Rebuilds an attempt from its stored events. Attempts keep events, never snapshots:
 * the same machine, input and events always give the same snapshot. Events for options
 * not on offer leave the snapshot unchanged; callers reject them before storing.
 */
export const replay = (machine: DialogueMachine, input: DialogueInput, events: readonly DialogueEvent[]): DialogueSnapshot =>
	events.reduce((snapshot, event) => throwIfFailed(transition(machine, snapshot, event)[0]), startDialogue(machine, input));

export const startDialogue = (machine: DialogueMachine, input: DialogueInput = {}): DialogueSnapshot =>
	throwIfFailed(initialTransition(machine, input)[0]);

export const chooseOption = (optionId: string): DialogueEvent => ({ type: 'learner.choose', optionId });

// XState turns a throw inside the machine into an 'error' snapshot; here that is a caller's bug
// (a start node that does not exist), so surface it instead of replaying a broken state.
const throwIfFailed = (snapshot: DialogueSnapshot): DialogueSnapshot => {
	if (snapshot.status === 'error') throw snapshot.error instanceof Error ? snapshot.error : new Error(String(snapshot.error));
	return snapshot;
};
