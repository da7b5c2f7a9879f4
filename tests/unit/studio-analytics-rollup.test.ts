import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_TEAMS, NO_TEAM, rollupDeltas, sumDeltas, type AttemptFacts } from '$lib/studio/analytics-rollup';

const facts = (over: Partial<AttemptFacts> = {}): AttemptFacts => ({
	scenarioId: 'billing',
	day: '2026-03-01',
	status: 'failed',
	total: 42.5,
	path: [
		{ nodeId: 'open', optionId: 'greet' },
		{ nodeId: 'ask', optionId: 'rush' }
	],
	endNodeId: 'lost',
	criteria: [
		{ id: 'empathy', score: 50 },
		{ id: 'docs', score: null }
	],
	criticalFailures: [{ criterionId: 'verify', nodeId: 'ask' }],
	...over
});

const daily = <T extends { grain: string }>(rows: T[]) => rows.filter((r) => r.grain === 'd');

describe('rollupDeltas', () => {
	it('adds every count to the day’s rows and to the month’s', () => {
		const outcome = rollupDeltas(facts(), []).outcome.filter((o) => o.team_id === ALL_TEAMS);
		expect(outcome.map((o) => [o.grain, o.day, o.attempts])).toEqual([
			['d', '2026-03-01', 1],
			['m', '2026-03', 1]
		]);
	});

	it('counts an attempt once for everyone and once for each of its learner’s teams', () => {
		const outcome = daily(rollupDeltas(facts(), ['harbour', 'summit']).outcome);
		expect(outcome.map((o) => o.team_id)).toEqual([ALL_TEAMS, 'harbour', 'summit']);
		expect(outcome.every((o) => o.attempts === 1 && o.failed === 1 && o.passed === 0)).toBe(true);
	});

	it('puts a learner on no team in the no-team bucket', () => {
		expect(daily(rollupDeltas(facts(), []).outcome).map((o) => o.team_id)).toEqual([ALL_TEAMS, NO_TEAM]);
	});

	it('sums scores in hundredths and leaves out criteria that did not come up', () => {
		const deltas = rollupDeltas(facts(), []);
		expect(deltas.outcome[0]).toMatchObject({ scored: 1, score_sum: 4250 });
		expect(daily(deltas.criterion).filter((c) => c.team_id === ALL_TEAMS)).toEqual([
			{ scenario_id: 'billing', team_id: ALL_TEAMS, grain: 'd', day: '2026-03-01', criterion_id: 'empathy', scored: 1, score_sum: 5000 }
		]);
	});

	it('marks each node reached once, the failed ending, and the critical failure’s node', () => {
		const nodes = daily(rollupDeltas(facts(), []).node).filter((n) => n.team_id === ALL_TEAMS);
		expect(nodes.map((n) => [n.node_id, n.reached, n.failed_here, n.failed_after, n.critical])).toEqual([
			['ask', 1, 0, 1, 1],
			['lost', 1, 1, 1, 0],
			['open', 1, 0, 1, 0]
		]);
	});

	it('counts an abandoned attempt at the node whose turn was open, with no score', () => {
		const deltas = rollupDeltas(facts({ status: 'abandoned', total: null, endNodeId: 'ask', path: [{ nodeId: 'open', optionId: 'greet' }], criteria: [], criticalFailures: [] }), []);
		expect(deltas.outcome[0]).toMatchObject({ attempts: 1, abandoned: 1, scored: 0, score_sum: 0 });
		expect(daily(deltas.node).filter((n) => n.abandoned).map((n) => n.node_id)).toEqual(['ask', 'ask']);
		expect(deltas.node.every((n) => n.failed_after === 0)).toBe(true);
	});

	it('merges a choice made twice at the same node (a loop) into one row, so one upsert applies it', () => {
		const looped = facts({ path: [{ nodeId: 'open', optionId: 'ask-again' }, { nodeId: 'open', optionId: 'ask-again' }], endNodeId: 'lost' });
		const choices = daily(rollupDeltas(looped, []).choice).filter((c) => c.team_id === ALL_TEAMS);
		expect(choices).toEqual([{ scenario_id: 'billing', team_id: ALL_TEAMS, grain: 'd', day: '2026-03-01', node_id: 'open', option_id: 'ask-again', chosen: 2 }]);
	});

	it('counts a criterion that failed critically twice in one attempt once', () => {
		const twice = facts({ criticalFailures: [{ criterionId: 'verify', nodeId: 'open' }, { criterionId: 'verify', nodeId: 'ask' }] });
		expect(daily(rollupDeltas(twice, []).critical)).toEqual([
			{ scenario_id: 'billing', team_id: ALL_TEAMS, grain: 'd', day: '2026-03-01', criterion_id: 'verify', failures: 1 },
			{ scenario_id: 'billing', team_id: NO_TEAM, grain: 'd', day: '2026-03-01', criterion_id: 'verify', failures: 1 }
		]);
	});
});

describe('sumDeltas', () => {
	const anyFacts = fc.record({
		day: fc.constantFrom('2026-03-01', '2026-03-02'),
		status: fc.constantFrom('passed', 'failed', 'abandoned') as fc.Arbitrary<AttemptFacts['status']>,
		path: fc.array(fc.record({ nodeId: fc.constantFrom('a', 'b'), optionId: fc.constantFrom('x', 'y') }), { maxLength: 4 }),
		teams: fc.subarray(['t1', 't2'])
	});

	it('gives the same sums in any order, and the total attempts per bucket', () => {
		fc.assert(
			fc.property(fc.array(anyFacts, { minLength: 1, maxLength: 20 }), (plays) => {
				const rows = plays.map((p) => rollupDeltas(facts({ day: p.day, status: p.status, path: p.path, total: p.status === 'abandoned' ? null : 60 }), p.teams));
				const forward = sumDeltas(rows);
				const backward = sumDeltas([...rows].reverse());
				const sort = (d: typeof forward) => JSON.stringify(Object.values(d).map((t: object[]) => t.map((r) => JSON.stringify(r)).sort()));
				expect(sort(forward)).toEqual(sort(backward));
				const everyone = (grain: string) => forward.outcome.filter((o) => o.team_id === ALL_TEAMS && o.grain === grain).reduce((s, o) => s + o.attempts, 0);
				expect(everyone('d')).toBe(plays.length);
				expect(everyone('m')).toBe(plays.length);
			})
		);
	});
});
