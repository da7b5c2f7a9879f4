import { describe, expect, it } from 'vitest';
import { debriefView } from '$lib/server/play/debrief-view';
import { playView } from '$lib/server/play/play-view';
import { scenarioMap } from '$lib/server/play/scenario-map';
import { makeCriterion, makeEnding, makeOption, makeRubric, makeScenario } from '../../../factories/scenario-factory';
import { makePlayState } from '../../../factories/play-state-factory';

const rubric = makeRubric({
	criteria: [makeCriterion({ id: 'care', label: 'Care', weight: 50 }), makeCriterion({ id: 'safety', label: 'Safety', weight: 50, critical: 'all' })]
});
const scenario = makeScenario({
	channel: 'chat',
	nodes: {
		greet: {
			customer: 'My bill is wrong.',
			options: [
				makeOption({ id: 'warm', text: 'Sorry to hear that.', evidence: { care: 2 }, why: 'Warm.', go: 'check' }),
				makeOption({ id: 'cold', text: 'Account number?', evidence: { care: 0 }, why: 'Cold.', go: 'check' })
			]
		},
		check: {
			customer: 'Can you fix it?',
			options: [
				makeOption({ id: 'verify', text: 'Let me verify you first.', action: 'verify-identity', effects: { update: { Verified: true } }, evidence: { safety: 2 }, go: 'hold' }),
				makeOption({ id: 'skip', text: 'Done, refunded.', action: 'change-account', evidence: { safety: 'fail' }, why: 'Unverified change.', go: 'done' })
			]
		},
		hold: { customer: 'OK.', options: [makeOption({ id: 'hold', text: 'One moment please.', action: 'place-on-hold', go: 'back' })] },
		back: { customer: 'Still here.', options: [makeOption({ id: 'finish', text: 'All fixed.', go: 'done' })] },
		done: makeEnding({ customer: 'Thanks.', debrief: 'Fixed in one contact.' })
	}
});

describe('playView', () => {
	it('shows the conversation so far, numbered options and what the agent did to the record', () => {
		const view = playView(makePlayState(scenario, rubric, ['warm', 'verify', 'hold']));
		expect(view.conversation.map((l) => [l.speaker, l.text])).toEqual([
			['customer', 'My bill is wrong.'],
			['agent', 'Sorry to hear that.'],
			['customer', 'Can you fix it?'],
			['agent', 'Let me verify you first.'],
			['customer', 'OK.'],
			['agent', 'One moment please.'],
			['customer', 'Still here.']
		]);
		expect(view.options).toEqual([{ id: 'finish', text: 'All fixed.', shortcut: 1 }]);
		expect(view.activity.map((a) => a.label)).toEqual(['Identity verified', 'Customer placed on hold']);
		expect(view.onHold).toBe(true);
		expect(view.crm.fields.find((f) => f.name === 'Verified')).toMatchObject({ value: true, changed: true });
		expect(view.attempt.seq).toBe(3);
	});

	it('keeps each line\'s key as the conversation grows, so a live region announces only new lines', () => {
		const before = playView(makePlayState(scenario, rubric, ['warm'])).conversation.map((l) => l.key);
		const after = playView(makePlayState(scenario, rubric, ['warm', 'verify'])).conversation.map((l) => l.key);
		expect(after.slice(0, before.length)).toEqual(before);
	});
});

describe('debriefView', () => {
	it('pairs each decision with its review, and points critical failures at the turn that caused them', () => {
		const view = debriefView(makePlayState(scenario, rubric, ['cold', 'skip']));
		expect(view.result).toMatchObject({ total: 0, passed: false });
		expect(view.result!.criticalFailures).toEqual([{ turn: 2, criterion: 'Safety', message: expect.stringContaining('Unverified change.'), scope: 'all' }]);
		expect(view.decisions[0]).toMatchObject({ turn: 1, chosenText: 'Account number?', review: { wasBest: false, bestText: 'Sorry to hear that.', rationale: 'Cold.', bestRationale: 'Warm.' } });
		expect(view.decisions[1].activity).toBe('Account changed');
		expect(view.ending).toEqual({ customer: 'Thanks.', debrief: 'Fixed in one contact.' });
	});
});

describe('scenarioMap', () => {
	it('lays out every node and marks the path taken, step by step', () => {
		const map = scenarioMap(scenario, ['greet', 'check', 'done']);
		expect(map.nodes.map((n) => n.id).sort()).toEqual(['back', 'check', 'done', 'greet', 'hold']);
		expect(map.nodes.find((n) => n.id === 'check')?.visits).toEqual([2]);
		expect(map.edges.filter((e) => e.taken).map((e) => `${e.from}>${e.to}`).sort()).toEqual(['check>done', 'greet>check']);
		expect(map.width).toBeGreaterThan(0);
		expect(map.pathText).toBe('Greet → Check → Done');
	});

	it('draws the jump to the hang-up ending when patience ran out', () => {
		const map = scenarioMap(scenario, ['greet', 'hung-up']);
		expect(map.edges.find((e) => e.from === 'greet' && e.to === 'hung-up')?.taken).toBe(true);
	});
});
