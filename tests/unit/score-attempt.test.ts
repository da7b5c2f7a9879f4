import { describe, expect, it } from 'vitest';
import { buildDialogue } from '$lib/dialogue/build-dialogue';
import { chooseOption, replay } from '$lib/dialogue/replay';
import type { Scenario } from '$lib/content/scenario-schema';
import type { Rubric } from '$lib/content/rubric-schema';
import { handleTimeScore, moodScore } from '$lib/scoring/outcome-credit';
import { scoreAttempt } from '$lib/scoring/score-attempt';
import { makeCriterion, makeEnding, makeOption, makeRubric, makeScenario } from '../factories/scenario-factory';

const rubric = makeRubric({
	criteria: [
		makeCriterion({ id: 'care', weight: 40 }),
		makeCriterion({ id: 'safety', label: 'Safety', weight: 20, critical: 'all' }),
		makeCriterion({ id: 'notes', weight: 10 }),
		makeCriterion({ id: 'resolution', weight: 30, measure: 'resolution' })
	]
});

/** Two decisions: how to greet (care), then whether to check identity (safety). */
const nodes = {
		greet: {
			options: [
				makeOption({ id: 'warm', evidence: { care: 2 }, why: 'Warm and specific.', go: 'check' }),
				makeOption({ id: 'polite', evidence: { care: 1 }, why: 'Polite but flat.', go: 'check' }),
				makeOption({ id: 'dazzling', only_if: { mood_at_least: 9 }, evidence: { care: 2 }, go: 'check' })
			]
		},
		check: {
			options: [
				makeOption({ id: 'verify', action: 'verify-identity', evidence: { safety: 2 }, go: 'done' }),
				makeOption({ id: 'skip', evidence: { safety: 'fail' }, why: 'Changed the account unverified.', go: 'done' }),
				makeOption({ id: 'abuse', action: 'end-contact', go: 'abuse-ended' }),
				makeOption({ id: 'escalate', action: 'escalate', evidence: { safety: 2 }, go: 'escalated' })
			]
		},
		done: makeEnding(),
		escalated: makeEnding({ outcome: 'escalated-correctly', resolution: 50 }),
		'abuse-ended': makeEnding({ outcome: 'ended-for-abuse' })
};
const scenario = makeScenario({ target_handle_time: '2m', nodes });

const score = (optionIds: string[], s: Scenario = scenario, r: Rubric = rubric, input = {}) =>
	scoreAttempt(s, r, replay(buildDialogue(s), input, optionIds.map(chooseOption)).context);

const criterion = (result: ReturnType<typeof score>, id: string) => result.criteria.find((c) => c.id === id);

describe('scoreAttempt', () => {
	it('gives full marks for the best option at every turn', () => {
		const result = score(['warm', 'verify']);
		expect(result).toMatchObject({ total: 100, passed: true, passMark: 80, outcome: 'resolved', criticalFailures: [] });
	});

	it('gives partial credit relative to the best option on offer', () => {
		expect(criterion(score(['polite', 'verify']), 'care')?.score).toBe(50);
	});

	it('measures against what was actually offered, not options hidden at that moment', () => {
		// `dazzling` was hidden, so `warm` was the best available and earns full credit.
		expect(criterion(score(['warm', 'verify']), 'care')?.score).toBe(100);
	});

	it('leaves a criterion that never came up out of the denominator', () => {
		const result = score(['polite', 'verify']);
		expect(criterion(result, 'notes')).toMatchObject({ score: null, applicable: false });
		// care 50 × 40 + safety 100 × 20 + resolution 100 × 30, over 90 points of applicable weight.
		expect(result.total).toBe(77.8);
		expect(result.passed).toBe(false);
	});

	it('fails the whole attempt on a critical breach, however good the rest is', () => {
		const result = score(['warm', 'skip']);
		expect(result.total).toBe(0);
		expect(result.passed).toBe(false);
		expect(criterion(result, 'care')?.score).toBe(100);
		expect(criterion(result, 'safety')?.score).toBe(0);
		expect(result.criticalFailures).toEqual([
			{ criterionId: 'safety', scope: 'all', turn: 1, nodeId: 'check', message: 'Safety: Changed the account unverified.' }
		]);
	});

	it('zeroes only the breached section for a fail-section item', () => {
		const sectioned = makeRubric({
			criteria: [
				makeCriterion({ id: 'care', weight: 40, section: 'manner' }),
				makeCriterion({ id: 'safety', weight: 20, critical: 'section', section: 'compliance' }),
				makeCriterion({ id: 'notes', weight: 10, section: 'compliance' }),
				makeCriterion({ id: 'resolution', weight: 30, measure: 'resolution' })
			]
		});
		const withNotes = makeScenario({
			nodes: { ...nodes, greet: { options: [makeOption({ id: 'warm', evidence: { care: 2, notes: 2 }, go: 'check' })] } }
		});
		const result = score(['warm', 'skip'], withNotes, sectioned);
		expect(criterion(result, 'care')?.score).toBe(100);
		expect(criterion(result, 'safety')?.score).toBe(0);
		expect(criterion(result, 'notes')?.score).toBe(0);
		expect(result.total).toBe(70);
		expect(result.criticalFailures[0].scope).toBe('section');
	});

	it('credits resolution from the ending, with the ending able to override the default', () => {
		expect(criterion(score(['warm', 'verify']), 'resolution')?.score).toBe(100);
		expect(criterion(score(['warm', 'escalate']), 'resolution')?.score).toBe(50);
	});

	it('treats resolution, time and mood as not applicable when an abusive contact is ended per policy', () => {
		const timed = makeRubric({
			criteria: [
				makeCriterion({ id: 'care', weight: 40 }),
				makeCriterion({ id: 'resolution', weight: 30, measure: 'resolution' }),
				makeCriterion({ id: 'time', weight: 15, measure: 'handle-time' }),
				makeCriterion({ id: 'mood', weight: 15, measure: 'customer-mood' })
			]
		});
		const result = score(['warm', 'abuse'], scenario, timed);
		expect(result.criteria.filter((c) => !c.applicable).map((c) => c.id)).toEqual(['resolution', 'time', 'mood']);
		expect(result.total).toBe(100);
	});

	it('scores an unfinished attempt as unresolved', () => {
		const result = score(['warm']);
		expect(result.outcome).toBeNull();
		expect(criterion(result, 'resolution')?.score).toBe(0);
	});

	it('explains every turn: the choice, the best option, and why', () => {
		const [first, second] = score(['polite', 'verify']).turns;
		expect(first).toEqual({
			index: 0,
			nodeId: 'greet',
			chosenOptionId: 'polite',
			chosenText: 'I can help with that.',
			bestOptionId: 'warm',
			bestText: 'I can help with that.',
			wasBest: false,
			rationale: 'Polite but flat.',
			bestRationale: 'Warm and specific.',
			evidence: { care: 1 }
		});
		expect(second).toMatchObject({ chosenOptionId: 'verify', bestOptionId: 'verify', wasBest: true });
	});

	it('reports the clock against the target', () => {
		expect(score(['warm', 'verify'])).toMatchObject({ elapsedSeconds: 90, targetSeconds: 120 });
	});
});

describe('handle time and mood credit', () => {
	it('gives full credit close to the target', () => {
		expect(handleTimeScore(120, 120)).toBe(100);
		expect(handleTimeScore(80, 120)).toBe(100);
		expect(handleTimeScore(140, 120)).toBe(100);
	});

	it('costs points when the contact drags on', () => {
		expect(handleTimeScore(192, 120)).toBeCloseTo(50);
		expect(handleTimeScore(240, 120)).toBe(0);
		expect(handleTimeScore(600, 120)).toBe(0);
	});

	it('costs points when the contact is rushed', () => {
		expect(handleTimeScore(48, 120)).toBeCloseTo(50);
		expect(handleTimeScore(24, 120)).toBe(0);
	});

	it('turns the final mood into a CSAT-like score', () => {
		expect(moodScore(10)).toBe(100);
		expect(moodScore(8)).toBe(100);
		expect(moodScore(4)).toBe(50);
		expect(moodScore(0)).toBe(0);
	});

	it('uses the handle-time and mood criteria in the total', () => {
		const timed = makeRubric({
			criteria: [
				makeCriterion({ id: 'care', weight: 50 }),
				makeCriterion({ id: 'time', weight: 25, measure: 'handle-time' }),
				makeCriterion({ id: 'mood', weight: 25, measure: 'customer-mood' })
			]
		});
		const slow = makeScenario({ target_handle_time: 45, nodes });
		const result = score(['warm', 'verify'], slow, timed);
		// 90s against a 45s target is twice the target: no time credit. Mood 5 of 8: 62.5.
		expect(criterion(result, 'time')?.score).toBe(0);
		expect(criterion(result, 'mood')?.score).toBe(62.5);
		expect(result.total).toBe(65.6);
	});
});
