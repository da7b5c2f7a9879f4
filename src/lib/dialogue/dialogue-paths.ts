import { getAdjacencyMap, type AdjacencyValue } from 'xstate/graph';
import { isEnding, type Scenario } from '../content/scenario-schema';
import { conditionsIn } from '../content/scenario-walk';
import type { DialogueMachine } from './build-dialogue';
import type { DialogueEvent, DialogueInput } from './dialogue-types';
import { chooseOption, startDialogue, type DialogueSnapshot } from './replay';
import { offeredOptions } from './resolve-choice';

/** A way through a dialogue: the events from the start and the snapshot they lead to. */
export type DialoguePath = { events: DialogueEvent[]; snapshot: DialogueSnapshot };

/** One way an option can play out, as `node/option/branch` (branch: default, otherwise or an index). */
export type VariantKey = string;

export type Exploration = {
	/** The shortest path found to each node reached. */
	nodes: Map<string, DialoguePath>;
	/** The shortest path found whose last choice took each variant. */
	variants: Map<VariantKey, DialoguePath>;
	/** Distinct conversation states visited (see `conversationKey`). */
	states: number;
	/** False when `maxStates` stopped the search: then what was not found may still be reachable. */
	complete: boolean;
	/** Paths to states from which no ending can be reached: a learner there could never finish. */
	trapped: DialoguePath[];
};

// Over ten times the largest shipped scenario (about 1,500 states, explored in half a second); a
// cap keeps a pathological one (many independent flags) from stalling the tests or the studio.
export const DEFAULT_MAX_STATES = 20_000;

// xstate/graph brands its keys; here they are the plain strings `conversationKey` returns.
type Adjacency = Record<string, AdjacencyValue<DialogueSnapshot, DialogueEvent>>;

export const variantKey = (nodeId: string, optionId: string, branch: string | number): VariantKey => `${nodeId}/${optionId}/${branch}`;

/** Every variant the scenario declares, reachable or not. */
export const declaredVariants = (scenario: Scenario): VariantKey[] =>
	Object.entries(scenario.nodes).flatMap(([nodeId, node]) =>
		(node.options ?? []).flatMap((option) => [
			variantKey(nodeId, option.id, 'default'),
			...(option.requires ? [variantKey(nodeId, option.id, 'otherwise')] : []),
			...(option.branches ?? []).map((_, i) => variantKey(nodeId, option.id, i))
		])
	);

/**
 * What decides everything that can still happen: node, mood, patience, flags, facts, and which
 * `after` thresholds have passed (for an ending, just its node). The choice list, which grows every
 * turn, is left out, so histories that leave the customer in the same place are one state and the
 * search ends.
 */
export const conversationKey = (scenario: Scenario): ((snapshot: DialogueSnapshot) => string) => {
	const thresholds = [...new Set(conditionsIn(scenario).flatMap(({ condition }) => condition.after ?? []))];
	return ({ status, context: c }) => {
		// Nothing happens after an ending, so however the conversation got there it is one state.
		if (status !== 'active') return `${status}|${c.nodeId}`;
		const passed = thresholds.filter((t) => c.elapsedSeconds >= t).length;
		return [c.nodeId, c.mood, c.patience, passed, [...c.flags].sort().join(','), [...c.facts].sort().join(',')].join('|');
	};
};

/** The events a learner can send now: one per option on screen. */
export const offeredEvents = (scenario: Scenario) => (snapshot: DialogueSnapshot): DialogueEvent[] =>
	snapshot.status === 'active' ? offeredOptions(scenario.nodes[snapshot.context.nodeId], snapshot.context).map((o) => chooseOption(o.id)) : [];

/**
 * Breadth-first search of every state the dialogue can reach (xstate/graph's adjacency map), with
 * the shortest path to each node and through each option variant. Used to test whole scenarios
 * and, later, to show trainers which branches their scenario can never take.
 */
export const exploreDialogue = (
	scenario: Scenario,
	machine: DialogueMachine,
	input: DialogueInput = {},
	maxStates = DEFAULT_MAX_STATES
): Exploration => {
	// Every snapshot is keyed several times (by the search, for parents, for dead ends): work each key out once.
	const keys = new WeakMap<DialogueSnapshot, string>();
	const keyFor = conversationKey(scenario);
	const keyOf = (snapshot: DialogueSnapshot): string => {
		let key = keys.get(snapshot);
		if (key === undefined) keys.set(snapshot, (key = keyFor(snapshot)));
		return key;
	};
	let visited = 0;
	const adjacency = getAdjacencyMap(machine, {
		fromState: startDialogue(machine, input),
		events: offeredEvents(scenario),
		serializeState: keyOf,
		// States past the cap are recorded but not expanded, so the search stops instead of throwing.
		stopWhen: () => ++visited > maxStates
	}) as Adjacency;
	const order = Object.keys(adjacency);

	// The map is filled in breadth-first order, so the first edge found into a state is on a shortest path.
	const parent = new Map<string, { from: string; event: DialogueEvent }>();
	for (const key of order)
		for (const { event, state } of Object.values(adjacency[key].transitions)) {
			const next = keyOf(state);
			if (next !== order[0] && !parent.has(next)) parent.set(next, { from: key, event });
		}
	const eventsTo = (key: string): DialogueEvent[] => {
		const events: DialogueEvent[] = [];
		for (let step = parent.get(key); step; step = parent.get(step.from)) events.unshift(step.event);
		return events;
	};
	const pathTo = (key: string): DialoguePath => ({ events: eventsTo(key), snapshot: adjacency[key].state });

	const nodes = new Map<string, DialoguePath>();
	const variants = new Map<VariantKey, DialoguePath>();
	for (const key of order) {
		const { state, transitions } = adjacency[key];
		if (!nodes.has(state.context.nodeId)) nodes.set(state.context.nodeId, pathTo(key));
		for (const { event, state: next } of Object.values(transitions)) {
			const choice = next.context.choices[state.context.choices.length];
			// An offered option that changed nothing would be an engine bug; keep it visible rather than drop it.
			const variant = choice ? variantKey(choice.nodeId, choice.optionId, choice.branch) : `${state.context.nodeId}/${event.optionId}/ignored`;
			if (!variants.has(variant)) variants.set(variant, { events: [...eventsTo(key), event], snapshot: next });
		}
	}

	const complete = visited <= maxStates;
	const finishing = complete ? canFinish(scenario, adjacency, keyOf) : undefined;
	const trapped = finishing ? order.filter((key) => !finishing.has(key)).map(pathTo) : [];
	return { nodes, variants, states: order.length, complete, trapped };
};

/** States from which some sequence of choices reaches an ending (walking the edges backwards). */
const canFinish = (scenario: Scenario, adjacency: Adjacency, keyOf: (snapshot: DialogueSnapshot) => string): Set<string> => {
	const incoming = new Map<string, string[]>();
	const queue: string[] = [];
	for (const [key, { state, transitions }] of Object.entries(adjacency)) {
		if (state.status === 'done' && isEnding(scenario.nodes[state.context.nodeId])) queue.push(key);
		for (const { state: next } of Object.values(transitions)) {
			const to = keyOf(next);
			const from = incoming.get(to);
			if (from) from.push(key);
			else incoming.set(to, [key]);
		}
	}
	const reached = new Set(queue);
	// The queue grows while it is read: each state that can finish adds the states leading to it.
	for (const key of queue)
		for (const from of incoming.get(key) ?? []) {
			if (!reached.has(from)) {
				reached.add(from);
				queue.push(from);
			}
		}
	return reached;
};
