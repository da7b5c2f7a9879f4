import { describe, expect, it } from 'vitest';
import { buildDialogue } from '$lib/dialogue/build-dialogue';
import { describeTurn } from '$lib/dialogue/describe-turn';
import { chooseOption, replay } from '$lib/dialogue/replay';
import { makeEnding, makeOption, makeScenario } from '../factories/scenario-factory';

/** A refund call with the state-based rules the engine must honour. */
const refundScenario = () =>
	makeScenario({
		persona: { name: 'Sam Lee', situation: 'Double charged.', mood: 4, patience: 3 },
		facts: { overcharged: 'Sam was charged twice.' },
		nodes: {
			greet: {
				customer: ['I was charged twice.', { when: { flags: 'promised-credit' }, say: 'And I want that credit.' }],
				options: [
					makeOption({ id: 'verify', action: 'verify-identity', effects: { set: 'verified', mood: 1 }, go: 'refund' }),
					makeOption({ id: 'promise', text: 'You will get a credit.', effects: { set: 'promised-credit', mood: 3 }, go: 'greet' }),
					makeOption({ id: 'snap', text: 'Calm down.', effects: { mood: -5, patience: -3 }, go: 'greet' }),
					makeOption({ id: 'hang-up-politely', action: 'end-contact', effects: { patience: -3 }, go: 'lost' }),
					makeOption({ id: 'secret', only_if: { mood_at_least: 9 }, go: 'done' })
				]
			},
			refund: {
				customer: 'So?',
				options: [
					makeOption({
						id: 'refund',
						action: 'change-account',
						time: '1m30s',
						requires: 'verified',
						otherwise: { go: 'breach', evidence: { safety: 'fail' } },
						effects: { update: { Balance: '$0.00' }, note: 'Refunded duplicate charge.', reveal: 'overcharged' },
						branches: [{ when: { flags: 'promised-credit' }, go: 'angry', effects: { mood: -2 } }],
						go: 'done'
					})
				]
			},
			done: makeEnding({ debrief: 'All sorted.' }),
			angry: makeEnding({ outcome: 'customer-lost' }),
			breach: makeEnding({ outcome: 'compliance-failure' }),
			lost: makeEnding({ outcome: 'customer-lost' })
		}
	});

const play = (optionIds: string[], input = {}) => {
	const scenario = refundScenario();
	return replay(buildDialogue(scenario), input, optionIds.map(chooseOption));
};

describe('buildDialogue', () => {
	it('makes one state per node, plus the built-in hang-up ending', () => {
		const machine = buildDialogue(refundScenario());
		expect(Object.keys(machine.states)).toEqual(expect.arrayContaining(['greet', 'refund', 'done', 'hung-up']));
	});

	it('opens at the start node with the persona mood and patience', () => {
		const { value, context, status } = play([]);
		expect(value).toBe('greet');
		expect(status).toBe('active');
		expect(context).toMatchObject({ nodeId: 'greet', mood: 4, patience: 3, flags: [], elapsedSeconds: 0, outcome: null });
	});

	it('lets a trainer start anywhere with preset mood, patience and flags', () => {
		const { value, context } = play(['refund'], { startNode: 'refund', preset: { mood: 9, patience: 1, flags: ['verified'] } });
		expect(value).toBe('done');
		expect(context.mood).toBe(9);
		expect(context.flags).toEqual(['verified']);
	});

	it('replays the same events to the same state, every time', () => {
		const events = ['promise', 'verify', 'refund'].map(chooseOption);
		const first = replay(buildDialogue(refundScenario()), {}, events);
		const second = replay(buildDialogue(refundScenario()), {}, events);
		expect(second.value).toBe(first.value);
		expect(second.context).toEqual(first.context);
	});

	it('keeps the context plain JSON', () => {
		const { context } = play(['verify', 'refund']);
		expect(JSON.parse(JSON.stringify(context))).toEqual(context);
	});

	it('applies effects, the clock and the CRM changes of each choice', () => {
		const { context } = play(['verify', 'refund']);
		expect(context.mood).toBe(5);
		expect(context.elapsedSeconds).toBe(60 + 90);
		expect(context.facts).toEqual(['overcharged']);
		expect(context.crm).toEqual({ notes: ['Refunded duplicate charge.'], updates: { Balance: '$0.00' } });
		expect(context.outcome).toBe('resolved');
	});

	it('sends an account change without the required flag down the otherwise branch', () => {
		const verified = play(['refund'], { startNode: 'refund', preset: { flags: ['verified'] } });
		expect(verified.value).toBe('done');
		const breach = play(['refund'], { startNode: 'refund' });
		expect(breach.value).toBe('breach');
		expect(breach.context.outcome).toBe('compliance-failure');
		expect(breach.context.choices[0]).toMatchObject({ branch: 'otherwise', evidence: { safety: 'fail' } });
	});

	it('holds an earlier promise against the agent later', () => {
		const { value, context } = play(['promise', 'verify', 'refund']);
		expect(value).toBe('angry');
		expect(context.choices.at(-1)?.branch).toBe(0);
	});

	it('sends the customer to the hang-up ending when patience runs out', () => {
		const { value, status, context } = play(['snap']);
		expect(value).toBe('hung-up');
		expect(status).toBe('done');
		expect(context).toMatchObject({ patience: 0, outcome: 'customer-hung-up', nodeId: 'hung-up' });
	});

	it('lets an option that leads to an ending finish even when it exhausts patience', () => {
		expect(play(['hang-up-politely']).value).toBe('lost');
	});

	it('ignores options that are hidden, unknown, or chosen after the end', () => {
		expect(play(['secret']).value).toBe('greet');
		expect(play(['no-such-option']).context.choices).toEqual([]);
		const ended = play(['verify', 'refund', 'verify']);
		expect(ended.value).toBe('done');
		expect(ended.context.choices).toHaveLength(2);
	});

	it('records what was on offer at each decision, for scoring', () => {
		const { context } = play(['verify']);
		expect(context.choices[0].offered.map((o) => o.optionId)).toEqual(['verify', 'promise', 'snap', 'hang-up-politely']);
	});

	it('refuses to start at a node that does not exist', () => {
		expect(() => play([], { startNode: 'nowhere' })).toThrow(/no node nowhere/);
	});
});

describe('describeTurn', () => {
	it('shows the customer line, the options on offer and the unchanged CRM at the start', () => {
		const scenario = refundScenario();
		const view = describeTurn(scenario, replay(buildDialogue(scenario), {}, []));
		expect(view.customer).toBe('I was charged twice.');
		expect(view.options.map((o) => o.id)).toEqual(['verify', 'promise', 'snap', 'hang-up-politely']);
		expect(view.options[0]).toMatchObject({ action: 'verify-identity' });
		expect(view.ended).toBe(false);
		expect(view.crm.fields).toEqual([
			{ name: 'Name', value: 'Sam Lee', changed: false },
			{ name: 'Balance', value: '$10.00', changed: false }
		]);
	});

	it('adds conditional customer lines and offers options once their condition holds', () => {
		const scenario = refundScenario();
		const view = describeTurn(scenario, replay(buildDialogue(scenario), {}, [chooseOption('promise'), chooseOption('promise')]));
		expect(view.customer).toBe('I was charged twice.\nAnd I want that credit.');
		expect(view.mood).toBe(10);
		expect(view.options.map((o) => o.id)).toContain('secret');
	});

	it('shows the outcome, debrief, facts and CRM changes at the end', () => {
		const scenario = refundScenario();
		const view = describeTurn(scenario, replay(buildDialogue(scenario), {}, ['verify', 'refund'].map(chooseOption)));
		expect(view).toMatchObject({ ended: true, outcome: 'resolved', debrief: 'All sorted.', options: [] });
		expect(view.facts).toEqual([{ id: 'overcharged', text: 'Sam was charged twice.' }]);
		expect(view.flags).toEqual(['verified']);
		expect(view.crm.fields[1]).toEqual({ name: 'Balance', value: '$0.00', changed: true });
		expect(view.crm.addedNotes).toEqual(['Refunded duplicate charge.']);
	});
});
