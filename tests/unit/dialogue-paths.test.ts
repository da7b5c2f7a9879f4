import { describe, expect, it } from 'vitest';
import { buildDialogue } from '$lib/dialogue/build-dialogue';
import { declaredVariants, exploreDialogue } from '$lib/dialogue/dialogue-paths';
import { makeEnding, makeOption, makeScenario } from '../factories/scenario-factory';

/** Greet, then either verify (a flag) and refund, or refund straight away and breach. */
const refundScenario = (over: Parameters<typeof makeScenario>[0] = {}) =>
	makeScenario({
		nodes: {
			greet: {
				customer: 'Hi.',
				options: [
					makeOption({ id: 'verify', effects: { set: 'verified' }, go: 'refund' }),
					makeOption({ id: 'chat', effects: { mood: 1 }, go: 'greet' }),
					makeOption({ id: 'rush', go: 'refund' })
				]
			},
			refund: {
				customer: 'So?',
				options: [
					makeOption({
						id: 'refund',
						requires: 'verified',
						otherwise: { go: 'breach' },
						branches: [{ when: { mood_at_least: 11 - 1 }, go: 'done' }],
						go: 'done'
					})
				]
			},
			done: makeEnding(),
			breach: makeEnding({ outcome: 'compliance-failure' })
		},
		...over
	});

const explore = (scenario = refundScenario(), maxStates?: number) => exploreDialogue(scenario, buildDialogue(scenario), {}, maxStates);

describe('exploreDialogue', () => {
	it('finds the shortest path to every node', () => {
		const { nodes } = explore();
		expect([...nodes.keys()].sort()).toEqual(['breach', 'done', 'greet', 'refund']);
		expect(nodes.get('breach')?.events.map((e) => e.optionId)).toEqual(['rush', 'refund']);
	});

	it('finds a path through each option variant it can take', () => {
		const { variants } = explore();
		expect(variants.get('refund/refund/otherwise')?.events.map((e) => e.optionId)).toEqual(['rush', 'refund']);
		expect(variants.get('refund/refund/default')?.events.map((e) => e.optionId)).toEqual(['verify', 'refund']);
	});

	it('reaches a branch that needs several turns of build-up', () => {
		// Mood starts at 5 and each chat adds 1, so the mood-10 branch needs five chats first.
		expect(explore().variants.get('refund/refund/0')?.events.map((e) => e.optionId)).toEqual(['chat', 'chat', 'chat', 'chat', 'chat', 'verify', 'refund']);
	});

	it('leaves out a variant whose condition can never hold', () => {
		const scenario = refundScenario({ persona: { name: 'Sam', situation: 'Refund.', mood: 0, patience: 5 } });
		const blocked = { ...scenario, nodes: { ...scenario.nodes, greet: { ...scenario.nodes.greet, options: scenario.nodes.greet.options!.filter((o) => o.id !== 'chat') } } };
		const { variants } = explore(blocked);
		expect(declaredVariants(blocked).filter((v) => !variants.has(v))).toEqual(['refund/refund/0']);
	});

	it('counts conversations that differ only in their history as one state', () => {
		// greet at moods 5..10, then refund with and without the flag at each, plus the two endings.
		expect(explore().states).toBe(6 + 12 + 2);
	});

	it('reports states from which no ending can be reached', () => {
		const scenario = makeScenario({
			nodes: {
				lobby: {
					customer: 'Hello?',
					options: [makeOption({ id: 'wait', go: 'lobby' }), makeOption({ id: 'leave', only_if: { flags: 'never-set' }, go: 'done' })]
				},
				done: makeEnding()
			}
		});
		const found = explore(scenario);
		expect(found.complete).toBe(true);
		expect(found.trapped.map((p) => p.snapshot.context.nodeId)).toEqual(['lobby']);
	});

	it('stops at the state cap and says the search was cut short', () => {
		const found = explore(refundScenario(), 3);
		expect(found.complete).toBe(false);
		expect(found.trapped).toEqual([]);
		expect(found.nodes.has('breach')).toBe(false);
	});
});
