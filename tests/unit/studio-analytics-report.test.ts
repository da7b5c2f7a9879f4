import { describe, expect, it } from 'vitest';
import { periodDays, rollupRanges } from '$lib/studio/analytics-period';
import { buildAnalyticsReport, heatOf, type RollupSums, type ScenarioLabels } from '$lib/studio/analytics-report';

const labels: ScenarioLabels = {
	nodes: [
		{ id: 'open', isEnding: false, options: [{ id: 'greet', text: 'Hello' }, { id: 'rush', text: 'What?' }] },
		{ id: 'ask', isEnding: false, options: [{ id: 'verify', text: 'Verify' }] },
		{ id: 'lost', isEnding: true, options: [] }
	],
	criteria: [{ id: 'empathy', label: 'Empathy' }, { id: 'verify', label: 'Identity check' }]
};

const sums = (over: Partial<RollupSums> = {}): RollupSums => ({
	outcome: { attempts: 10, passed: 6, failed: 2, abandoned: 2, scored: 8, scoreSum: 8 * 7050 },
	criteria: [{ criterionId: 'empathy', scored: 4, scoreSum: 4 * 8000 + 1 }],
	choices: [
		{ nodeId: 'open', optionId: 'greet', chosen: 3 },
		{ nodeId: 'open', optionId: 'rush', chosen: 1 },
		{ nodeId: 'open', optionId: 'gone', chosen: 1 }
	],
	nodes: [
		{ nodeId: 'open', reached: 10, abandoned: 1, failedHere: 0, failedAfter: 2, critical: 0 },
		{ nodeId: 'ask', reached: 4, abandoned: 1, failedHere: 0, failedAfter: 2, critical: 2 },
		{ nodeId: 'lost', reached: 2, abandoned: 0, failedHere: 2, failedAfter: 2, critical: 0 }
	],
	critical: [{ criterionId: 'verify', failures: 2 }],
	...over
});

describe('buildAnalyticsReport', () => {
	const report = buildAnalyticsReport(sums(), labels);

	it('gives the pass rate of finished attempts and the share abandoned of all', () => {
		expect(report).toMatchObject({ attempts: 10, passRate: 75, abandonRate: 20, averageScore: 70.5 });
	});

	it('averages each criterion over the attempts where it came up, and shows the ones that never did', () => {
		expect(report.criteria).toEqual([
			{ id: 'empathy', label: 'Empathy', average: 80, scored: 4 },
			{ id: 'verify', label: 'Identity check', average: null, scored: 0 }
		]);
	});

	it('names the most common critical failure by its rubric label', () => {
		expect(report.critical[0]).toEqual({ id: 'verify', label: 'Identity check', failures: 2, share: 25 });
	});

	it('distributes each node’s choices, keeping an option a later version removed', () => {
		const open = report.nodes.find((n) => n.id === 'open')!;
		expect(open.options.map((o) => [o.id, o.chosen, o.share])).toEqual([
			['greet', 3, 60],
			['rush', 1, 20],
			['gone', 1, 20]
		]);
		expect(open.options[2].text).toContain('no longer offered');
	});

	it('rates drop-out and failure per node and picks the worst decision node as the weak spot', () => {
		const ask = report.nodes.find((n) => n.id === 'ask')!;
		expect(ask).toMatchObject({ dropRate: 25, failRate: 50, heat: 'high' });
		expect(report.weakSpot).toBe('ask');
	});

	it('reports nothing to divide as null, not as zero or NaN', () => {
		const empty = buildAnalyticsReport(
			{ outcome: { attempts: 0, passed: 0, failed: 0, abandoned: 0, scored: 0, scoreSum: 0 }, criteria: [], choices: [], nodes: [], critical: [] },
			labels
		);
		expect(empty).toMatchObject({ passRate: null, abandonRate: null, averageScore: null, weakSpot: null });
		expect(empty.nodes.every((n) => n.heat === 'none' && n.dropRate === null)).toBe(true);
	});
});

describe('heatOf', () => {
	it('grades the share of learners who left or failed', () => {
		expect([heatOf(0, 0), heatOf(100, 10), heatOf(100, 15), heatOf(100, 40)]).toEqual(['none', 'low', 'medium', 'high']);
	});
});

describe('periodDays', () => {
	it('counts "last 7 days" as today and the six days before, across a month end', () => {
		expect(periodDays('7', '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
	});
	it('leaves all time open and passes custom dates through', () => {
		expect(periodDays('all', '2026-03-03')).toEqual({});
		expect(periodDays('custom', '2026-03-03', { from: '2026-01-01' })).toEqual({ from: '2026-01-01', to: undefined });
	});
});

describe('rollupRanges', () => {
	it('reads all monthly rows for all time', () => {
		expect(rollupRanges()).toEqual([{ grain: 'm', from: '0000-01', to: '9999-12' }]);
	});
	it('reads whole months monthly and the partial months at either end daily', () => {
		expect(rollupRanges('2025-11-20', '2026-02-10')).toEqual([
			{ grain: 'm', from: '2025-12', to: '2026-01' },
			{ grain: 'd', from: '2025-11-20', to: '2025-11-30' },
			{ grain: 'd', from: '2026-02-01', to: '2026-02-10' }
		]);
	});
	it('reads a period that starts and ends on month boundaries from monthly rows only', () => {
		expect(rollupRanges('2024-02-01', '2024-02-29')).toEqual([{ grain: 'm', from: '2024-02', to: '2024-02' }]);
	});
	it('reads a period inside one month, or across one boundary without a whole month, daily', () => {
		expect(rollupRanges('2026-03-03', '2026-03-09')).toEqual([{ grain: 'd', from: '2026-03-03', to: '2026-03-09' }]);
		expect(rollupRanges('2026-03-25', '2026-04-02')).toEqual([{ grain: 'd', from: '2026-03-25', to: '2026-04-02' }]);
	});
	it('keeps an open end open', () => {
		expect(rollupRanges('2026-03-15')).toEqual([
			{ grain: 'm', from: '2026-04', to: '9999-12' },
			{ grain: 'd', from: '2026-03-15', to: '2026-03-31' }
		]);
		expect(rollupRanges(undefined, '2026-12-31')).toEqual([{ grain: 'm', from: '0000-01', to: '2026-12' }]);
	});
});
