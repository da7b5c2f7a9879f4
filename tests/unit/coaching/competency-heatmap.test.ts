import { describe, expect, it } from 'vitest';
import { competencyHeatmap, passRate } from '../../../src/lib/coaching/competency-heatmap';

const attempt = (startedAt: string, scores: Record<string, number | null>) => ({
	startedAt,
	criteria: Object.entries(scores).map(([id, score]) => ({ id, label: id.toUpperCase(), score }))
});

describe('competencyHeatmap', () => {
	it('weighs the newest attempt more, so recent improvement shows', () => {
		const map = competencyHeatmap([{ memberId: 'm', attempts: [attempt('2026-01-01', { empathy: 40 }), attempt('2026-02-01', { empathy: 100 })] }]);
		// (1 × 100 + 0.7 × 40) / 1.7 ≈ 75
		expect(map.rows[0].cells.empathy).toEqual({ score: 75, attempts: 2, needsCoaching: false });
	});

	it('points at the weakest flagged criterion and leaves out criteria that never came up', () => {
		const map = competencyHeatmap([{ memberId: 'm', attempts: [attempt('2026-01-01', { empathy: 65, accuracy: 30, compliance: null })] }]);
		expect(map.rows[0].focus).toBe('accuracy');
		expect(map.criteria.map((c) => c.id)).toEqual(['accuracy', 'empathy']);
		expect(map.rows[0].cells.compliance).toBeUndefined();
	});

	it('gives a member without attempts an empty row', () => {
		expect(competencyHeatmap([{ memberId: 'm', attempts: [] }]).rows[0]).toEqual({ memberId: 'm', cells: {}, focus: null });
	});
});

describe('passRate', () => {
	it('is passed out of finished, as a whole percentage', () => {
		expect(passRate(2, 1)).toBe(67);
		expect(passRate(1, 2)).toBe(33);
		expect(passRate(3, 0)).toBe(100);
		expect(passRate(0, 4)).toBe(0);
	});

	it('is null before anything is finished', () => {
		expect(passRate(0, 0)).toBeNull();
	});
});
