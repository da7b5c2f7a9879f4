import { describe, expect, it } from 'vitest';
import { applyOverrides, overriddenCriteria } from '$lib/scoring/apply-overrides';
import type { CriterionScore, CriticalFailure, ScoreResult } from '$lib/scoring/score-types';

const criterion = (id: string, weight: number, score: number | null): CriterionScore => ({
	id,
	label: id.toUpperCase(),
	weight,
	measure: 'evidence',
	score,
	applicable: score !== null
});

const failure = (criterionId: string, scope: 'section' | 'all'): CriticalFailure => ({ criterionId, scope, turn: 1, nodeId: 'n', message: 'breach' });

const engineScore = (over: Partial<ScoreResult> = {}): ScoreResult => ({
	total: 60,
	passed: false,
	passMark: 70,
	criteria: [criterion('care', 50, 40), criterion('notes', 50, 80)],
	criticalFailures: [],
	turns: [],
	outcome: 'resolved',
	elapsedSeconds: 100,
	targetSeconds: 120,
	...over
});

describe('applyOverrides', () => {
	it('returns the engine score unchanged when there is no override', () => {
		const engine = engineScore();
		expect(applyOverrides(engine, [])).toBe(engine);
	});

	it('re-weights the total and re-decides pass against the pass mark', () => {
		const effective = applyOverrides(engineScore(), [{ criterionId: 'care', score: 70 }]);
		expect(effective.total).toBe(75);
		expect(effective.passed).toBe(true);
		expect(effective.criteria.find((c) => c.id === 'care')?.score).toBe(70);
	});

	it('can lower a score below the pass mark and fail the attempt', () => {
		const effective = applyOverrides(engineScore({ total: 80, passed: true, criteria: [criterion('care', 50, 80), criterion('notes', 50, 80)] }), [{ criterionId: 'notes', score: 20 }]);
		expect(effective.total).toBe(50);
		expect(effective.passed).toBe(false);
	});

	it('lets the latest override of a criterion win', () => {
		const effective = applyOverrides(engineScore(), [
			{ criterionId: 'care', score: 100 },
			{ criterionId: 'care', score: 60 }
		]);
		expect(effective.criteria.find((c) => c.id === 'care')?.score).toBe(60);
		expect(effective.total).toBe(70);
	});

	it('counts an overridden criterion that never came up', () => {
		const engine = engineScore({ total: 80, criteria: [criterion('care', 50, null), criterion('notes', 50, 80)] });
		const effective = applyOverrides(engine, [{ criterionId: 'care', score: 40 }]);
		expect(effective.criteria.find((c) => c.id === 'care')?.applicable).toBe(true);
		expect(effective.total).toBe(60);
	});

	it('clears a "fail all" critical failure when its criterion is overridden to the pass mark or above', () => {
		const engine = engineScore({ total: 0, criteria: [criterion('care', 50, 0), criterion('notes', 50, 90)], criticalFailures: [failure('care', 'all')] });
		const effective = applyOverrides(engine, [{ criterionId: 'care', score: 70 }]);
		expect(effective.criticalFailures).toEqual([]);
		expect(effective.total).toBe(80);
		expect(effective.passed).toBe(true);
	});

	it('keeps a critical failure overridden below the pass mark, and its zero total', () => {
		const engine = engineScore({ total: 0, criteria: [criterion('care', 50, 0), criterion('notes', 50, 90)], criticalFailures: [failure('care', 'all')] });
		const effective = applyOverrides(engine, [{ criterionId: 'care', score: 69 }]);
		expect(effective.criticalFailures).toHaveLength(1);
		expect(effective.total).toBe(0);
		expect(effective.passed).toBe(false);
	});

	it('keeps a critical failure of another criterion', () => {
		const engine = engineScore({ total: 0, criteria: [criterion('care', 50, 0), criterion('notes', 50, 90)], criticalFailures: [failure('care', 'all')] });
		const effective = applyOverrides(engine, [{ criterionId: 'notes', score: 100 }]);
		expect(effective.total).toBe(0);
		expect(effective.passed).toBe(false);
	});

	it('leaves the engine score it was given untouched', () => {
		const engine = engineScore();
		const copy = structuredClone(engine);
		applyOverrides(engine, [{ criterionId: 'care', score: 100 }]);
		expect(engine).toEqual(copy);
	});
});

describe('overriddenCriteria', () => {
	it('lists the original and effective score of each changed criterion only', () => {
		const engine = engineScore();
		const effective = applyOverrides(engine, [{ criterionId: 'care', score: 90 }, { criterionId: 'notes', score: 80 }]);
		expect(overriddenCriteria(engine, effective)).toEqual([{ id: 'care', label: 'CARE', original: 40, effective: 90 }]);
	});
});
