import { describe, expect, it } from 'vitest';
import { compareCalibration, criteriaAgree, peerSpread, weightedTotal, type CalibrationInput } from '../../../src/lib/certification/calibration-comparison';

const criteria = [
	{ id: 'empathy', label: 'Empathy', weight: 1 },
	{ id: 'compliance', label: 'Compliance', weight: 3 }
];
const input = (over: Partial<CalibrationInput> = {}): CalibrationInput => ({
	criteria,
	mine: { empathy: 60, compliance: 40 },
	expert: { empathy: 60, compliance: 40 },
	peers: [],
	tolerance: 5,
	...over
});

describe('weightedTotal', () => {
	it('weights each criterion by its weight', () => {
		expect(weightedTotal(criteria, { empathy: 100, compliance: 0 })).toBe(25);
	});
	it('leaves unscored criteria out of the denominator', () => {
		expect(weightedTotal(criteria, { empathy: 80 })).toBe(80);
	});
});

describe('peerSpread', () => {
	it('gives the mean, range and standard deviation of the peers', () => {
		expect(peerSpread([50, 70, 90])).toEqual({ count: 3, mean: 70, min: 50, max: 90, spread: 16.3 });
	});
	it('is null without peers', () => {
		expect(peerSpread([])).toBeNull();
	});
});

describe('compareCalibration', () => {
	it('agrees when every criterion matches the expert', () => {
		const result = compareCalibration(input());
		expect(result.agreed).toBe(true);
		expect(result.criteria.map((c) => c.gap)).toEqual([0, 0]);
	});
	it('shows each gap signed: above the expert is positive', () => {
		const result = compareCalibration(input({ mine: { empathy: 70, compliance: 35 } }));
		expect(result.criteria.map((c) => [c.id, c.gap])).toEqual([['empathy', 10], ['compliance', -5]]);
	});
	it('flags a criterion more than 10 points from the expert, but not one exactly 10 away', () => {
		const result = compareCalibration(input({ mine: { empathy: 71, compliance: 30 } }));
		expect(result.criteria.map((c) => c.flagged)).toEqual([true, false]);
	});
	it('fails when a criterion is flagged even though the total is within tolerance', () => {
		// 1×(60+20) + 3×(40−4): the total moves by under 5 points, yet empathy is 20 off.
		const result = compareCalibration(input({ mine: { empathy: 80, compliance: 36 }, tolerance: 5 }));
		expect(Math.abs(result.total.gap)).toBeLessThanOrEqual(5);
		expect(result.agreed).toBe(false);
	});
	it('fails when the total is outside tolerance even though no criterion is flagged', () => {
		const result = compareCalibration(input({ mine: { empathy: 70, compliance: 50 }, tolerance: 5 }));
		expect(result.criteria.some((c) => c.flagged)).toBe(false);
		expect(result.total.gap).toBe(10);
		expect(result.agreed).toBe(false);
	});
	it("uses the track's stated expert total when there is one", () => {
		expect(compareCalibration(input({ expertTotal: 30 })).total).toEqual({ mine: 45, expert: 30, gap: 15 });
	});
	it("compares with the peers' mean and flags an evaluator more than 10 points off it", () => {
		const result = compareCalibration(input({ mine: { empathy: 60, compliance: 40 }, peers: [{ empathy: 80, compliance: 42 }, { empathy: 84, compliance: 38 }] }));
		const [empathy, compliance] = result.criteria;
		expect(empathy.peers).toMatchObject({ count: 2, mean: 82 });
		expect(empathy.peerGap).toBe(-22);
		expect(empathy.offFromPeers).toBe(true);
		expect(compliance.offFromPeers).toBe(false);
	});
	it('flags a criterion the peers themselves disagree on', () => {
		const result = compareCalibration(input({ peers: [{ empathy: 40, compliance: 40 }, { empathy: 75, compliance: 45 }] }));
		expect(result.criteria.map((c) => c.peersDisagree)).toEqual([true, false]);
	});
	it('has no peer figures when nobody else has scored the recording', () => {
		const [empathy] = compareCalibration(input()).criteria;
		expect(empathy).toMatchObject({ peers: null, peerGap: null, offFromPeers: false, peersDisagree: false });
	});
});

describe('criteriaAgree', () => {
	it('holds when every stored criterion is within 10 points of the expert', () => {
		expect(criteriaAgree([{ score: 50, expert: 60 }, { score: 90, expert: 85 }])).toBe(true);
		expect(criteriaAgree([{ score: 50, expert: 61 }])).toBe(false);
	});
});
