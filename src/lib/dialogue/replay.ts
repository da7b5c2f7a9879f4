import { createActor, type AnyActorScope, type SnapshotFrom } from 'xstate';
import type { DialogueMachine } from './build-dialogue';
import type { DialogueEvent, DialogueInput } from './dialogue-types';

export type DialogueSnapshot = SnapshotFrom<DialogueMachine>;

/**
 * Rebuilds an attempt from its stored events. Attempts keep events, never snapshots:
 * the same machine, input and events always give the same snapshot. Events for options
 * not on offer leave the snapshot unchanged; callers reject them before storing.
 */
export const replay = (machine: DialogueMachine, input: DialogueInput, events: readonly DialogueEvent[]): DialogueSnapshot =>
	events.reduce((snapshot, event) => throwIfFailed(stepDialogue(machine, snapshot, event)), startDialogue(machine, input));

export const startDialogue = (machine: DialogueMachine, input: DialogueInput = {}): DialogueSnapshot => {
	if (input.startNode !== undefined || input.preset !== undefined) return throwIfFailed(machine.getInitialSnapshot(inertScope(machine), input));
	// Every attempt without a trainer's preset opens the same way, and snapshots are never changed in
	// place, so build that opening once. Frozen, so code that did mutate it would fail loudly here
	// rather than leak into every later attempt.
	let opening = openings.get(machine);
	if (!opening) {
		opening = throwIfFailed(machine.getInitialSnapshot(inertScope(machine), input));
		deepFreeze(opening.context);
		openings.set(machine, opening);
	}
	return opening;
};

/** The snapshot after one event: what xstate's `transition(machine, snapshot, event)[0]` gives, faster. */
export const stepDialogue = (machine: DialogueMachine, snapshot: DialogueSnapshot, event: DialogueEvent): DialogueSnapshot =>
	machine.transition(snapshot, event, inertScope(machine));

export const chooseOption = (optionId: string): DialogueEvent => ({ type: 'learner.choose', optionId });

// xstate's `transition()` builds a throwaway actor on every call, and building one computes the
// machine's initial state: that was half the cost of a step. A dialogue has no side effects (its
// only action is `assign`), so nothing ever runs through the scope and one per machine serves all.
const scopes = new WeakMap<DialogueMachine, AnyActorScope>();
const inertScope = (machine: DialogueMachine): AnyActorScope => {
	let scope = scopes.get(machine);
	if (!scope) {
		const self = createActor(machine, { input: {} });
		const ignore = () => {};
		scope = { self, id: '', sessionId: '', system: self.system, logger: ignore, defer: ignore, emit: ignore, stopChild: ignore, actionExecutor: ignore };
		scopes.set(machine, scope);
	}
	return scope;
};

const openings = new WeakMap<DialogueMachine, DialogueSnapshot>();

const deepFreeze = (value: unknown): void => {
	if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
	Object.freeze(value);
	for (const child of Object.values(value)) deepFreeze(child);
};

// XState turns a throw inside the machine into an 'error' snapshot; here that is a caller's bug
// (a start node that does not exist), so surface it instead of replaying a broken state.
const throwIfFailed = (snapshot: DialogueSnapshot): DialogueSnapshot => {
	if (snapshot.status === 'error') throw snapshot.error instanceof Error ? snapshot.error : new Error(String(snapshot.error));
	return snapshot;
};
