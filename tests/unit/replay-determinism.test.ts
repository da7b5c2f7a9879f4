import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { checkLibrary } from '$lib/content/check-library';
import type { Scenario } from '$lib/content/scenario-schema';
import { conditionsIn } from '$lib/content/scenario-walk';
import { buildDialogue, type DialogueMachine } from '$lib/dialogue/build-dialogue';
import { continueWalk, walkThrough } from '$lib/dialogue/build-transcript';
import type { DialogueEvent, DialogueInput } from '$lib/dialogue/dialogue-types';
import { chooseOption, replay, startDialogue, stepDialogue, type DialogueSnapshot } from '$lib/dialogue/replay';
import { offeredOptions } from '$lib/dialogue/resolve-choice';
import { scoreAttempt } from '$lib/scoring/score-attempt';
import { readContentFiles } from '$lib/server/content/read-content-files';

/**
 * Properties of the engine over random walks of every shipped scenario, from the start and from
 * a trainer's preset (any node, mood, patience and flags). Attempts store events and replay them,
 * so these are what keep a learner's state and score from drifting between requests.
 */
const library = checkLibrary(await readContentFiles(['content']));

// About 400 walks per property across the library, at least 10 per scenario: the file stays at a few
// seconds however many scenarios are shipped, and each run of the suite draws new walks.
const RUNS = { numRuns: Math.max(10, Math.ceil(400 / library.scenarios.length)) };

/** The flags a scenario sets or tests, so presets use ones that matter. */
const flagsIn = (scenario: Scenario): string[] => {
	const options = Object.values(scenario.nodes).flatMap((n) => n.options ?? []);
	const set = options.flatMap((o) => [o, o.otherwise, ...(o.branches ?? [])].flatMap((v) => v?.effects?.set ?? []));
	const tested = conditionsIn(scenario).flatMap(({ condition }) => [...(condition.flags ?? []), ...(condition.without ?? [])]);
	return [...new Set([...set, ...tested, ...options.flatMap((o) => o.requires ?? [])])].sort();
};

/** Either the usual start or a trainer's play-test from any node with a chosen mood, patience and flags. */
const inputFor = (scenario: Scenario): fc.Arbitrary<DialogueInput> =>
	fc.oneof(
		fc.constant({}),
		fc.record({
			startNode: fc.constantFrom(...Object.keys(scenario.nodes)),
			preset: fc.record({ mood: fc.integer({ min: 0, max: 10 }), patience: fc.integer({ min: 0, max: 10 }), flags: fc.subarray(flagsIn(scenario)) })
		})
	);

/** Which option to pick at each turn, as an index into those on offer (wrapped), so every pick is valid. */
const picks = fc.array(fc.nat({ max: 99 }), { maxLength: 40 });

/** Plays the picks until the conversation ends; returns the events a learner would have sent. */
const walk = (scenario: Scenario, machine: DialogueMachine, input: DialogueInput, choices: number[]): DialogueEvent[] => {
	const events: DialogueEvent[] = [];
	let snapshot = startDialogue(machine, input);
	for (const pick of choices) {
		const offered = snapshot.status === 'active' ? offeredOptions(scenario.nodes[snapshot.context.nodeId], snapshot.context) : [];
		if (offered.length === 0) break;
		events.push(chooseOption(offered[pick % offered.length].id));
		snapshot = stepDialogue(machine, snapshot, events.at(-1)!);
	}
	return events;
};

const stateOf = ({ value, status, context }: DialogueSnapshot) => ({ value, status, context });

for (const scenario of library.scenarios) {
	const rubric = library.rubrics.find((r) => r.id === scenario.rubric)!;
	const machine = buildDialogue(scenario);
	// Compiled separately, as another server process would: nothing cached on one machine may change an answer.
	const otherMachine = buildDialogue(scenario);
	const optionIds = [...new Set(Object.values(scenario.nodes).flatMap((n) => (n.options ?? []).map((o) => o.id)))];

	describe(`replaying ${scenario.id}`, () => {
		it('gives the same state for the same events, on this machine and on one compiled separately', () => {
			fc.assert(
				fc.property(inputFor(scenario), picks, (input, choices) => {
					const events = walk(scenario, machine, input, choices);
					const first = stateOf(replay(machine, input, events));
					expect(stateOf(replay(machine, input, events))).toEqual(first);
					expect(stateOf(replay(otherMachine, input, events))).toEqual(first);
				}),
				RUNS
			);
		});

		it('gives the same score for the same events', () => {
			fc.assert(
				fc.property(inputFor(scenario), picks, (input, choices) => {
					const events = walk(scenario, machine, input, choices);
					const first = scoreAttempt(scenario, rubric, replay(machine, input, events).context);
					expect(scoreAttempt(scenario, rubric, replay(otherMachine, input, events).context)).toEqual(first);
				}),
				RUNS
			);
		});

		it("reaches the same state as stepping through xstate's own initialTransition and transition", () => {
			fc.assert(
				fc.property(inputFor(scenario), picks, (input, choices) => {
					const events = walk(scenario, machine, input, choices);
					const byXState = events.reduce((s, e) => transition(machine, s, e)[0], initialTransition(machine, input)[0]);
					expect(stateOf(replay(machine, input, events))).toEqual(stateOf(byXState));
				}),
				RUNS
			);
		});

		it('scores every walk, finished or abandoned, and each criterion between 0 and 100', () => {
			fc.assert(
				fc.property(inputFor(scenario), picks, (input, choices) => {
					const { total, criteria } = scoreAttempt(scenario, rubric, replay(machine, input, walk(scenario, machine, input, choices)).context);
					for (const value of [total, ...criteria.flatMap((c) => (c.score === null ? [] : [c.score]))]) {
						expect(value).toBeGreaterThanOrEqual(0);
						expect(value).toBeLessThanOrEqual(100);
					}
				}),
				RUNS
			);
		});

		it('keeps one transcript entry per event plus the turn still awaiting an answer', () => {
			fc.assert(
				fc.property(inputFor(scenario), picks, (input, choices) => {
					const events = walk(scenario, machine, input, choices);
					const { transcript, snapshot } = walkThrough(scenario, machine, input, events);
					expect(transcript).toHaveLength(events.length + 1);
					expect(stateOf(snapshot)).toEqual(stateOf(replay(machine, input, events)));
				}),
				RUNS
			);
		});

		// The server continues a cached walk by one step instead of replaying: it must match a replay and leave the cached walk as it was.
		it('continues a walk to the same state and transcript as a replay, without changing the walk it continued', () => {
			fc.assert(
				fc.property(inputFor(scenario), picks, fc.nat(), (input, choices, cut) => {
					const events = walk(scenario, machine, input, choices);
					const at = events.length === 0 ? 0 : cut % (events.length + 1);
					const earlier = walkThrough(scenario, machine, input, events.slice(0, at));
					const before = structuredClone({ transcript: earlier.transcript, context: earlier.snapshot.context, turn: earlier.turn });
					const continued = events.slice(at).reduce((w, event) => continueWalk(scenario, machine, w, event), earlier);
					const replayed = walkThrough(scenario, machine, input, events);
					expect(continued.transcript).toEqual(replayed.transcript);
					expect(continued.turn).toEqual(replayed.turn);
					expect(stateOf(continued.snapshot)).toEqual(stateOf(replay(machine, input, events)));
					expect({ transcript: earlier.transcript, context: earlier.snapshot.context, turn: earlier.turn }).toEqual(before);
				}),
				RUNS
			);
		});

		it('leaves the snapshot unchanged on an event for an option not on offer', () => {
			fc.assert(
				fc.property(inputFor(scenario), picks, fc.oneof(fc.constantFrom(...optionIds), fc.string()), (input, choices, optionId) => {
					const before = replay(machine, input, walk(scenario, machine, input, choices));
					const offered = before.status === 'active' ? offeredOptions(scenario.nodes[before.context.nodeId], before.context) : [];
					fc.pre(!offered.some((o) => o.id === optionId));
					expect(stateOf(stepDialogue(machine, before, chooseOption(optionId)))).toEqual(stateOf(before));
				}),
				RUNS
			);
		});
	});
}

describe('startDialogue', () => {
	it('hands out the usual opening frozen, so no caller can change it for the next attempt', () => {
		const scenario = library.scenarios[0];
		const opening = startDialogue(buildDialogue(scenario));
		expect(Object.isFrozen(opening.context)).toBe(true);
		expect(() => (opening.context.flags as string[]).push('tampered')).toThrow(TypeError);
	});
});
