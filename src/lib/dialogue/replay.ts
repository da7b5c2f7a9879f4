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
	events.reduce((snapshot, event) => transition(machine, snapshot, event)[0], initialTransition(machine, input)[0]);

export const chooseOption = (optionId: string): DialogueEvent => ({ type: 'learner.choose', optionId });
