import { describe, expect, it } from 'vitest';
import { auditStore, runCrashTest } from '../../scripts/crash-test';
import { dialectLabel, dialects } from './support/test-database';

// The short version of `npm run test:crash`: 3 SIGKILLs while 10 learners post steps.
describe.each(dialects)('crash test %s', (dialect) => {
	it(`${dialectLabel(dialect)} loses, duplicates and half-writes nothing across 3 SIGKILLs with 10 learners posting steps`, async () => {
		const report = await runCrashTest({ dialect, kills: 3, learners: 10, upMs: [300, 900] });
		console.log(`crash test ${dialect}: ${JSON.stringify({ ...report, problems: report.problems.length })}`);
		expect(report.problems).toEqual([]);
		expect(report.kills).toBe(3);
		expect(report.stepsAcknowledged).toBeGreaterThan(10);
		expect(report).toMatchObject({ stepsLost: 0, duplicates: 0, halfWritten: 0, integrityFailures: 0, serverErrors: 0 });
	}, 300_000);
});

describe('crash test audit', () => {
	const attempt = (id: string, seq: number, status = 'in_progress', score: string | null = null) => ({
		id,
		status,
		seq,
		score,
		finished_at: score ? '2026-01-01T00:00:00.000Z' : null
	});
	const event = (attempt_id: string, seq: number, option_id: string) => ({ attempt_id, seq, option_id });

	it('passes a store that holds every acknowledged step once', () => {
		const store = { integrity: 'ok', attempts: [attempt('a', 2)], events: [event('a', 1, 'x'), event('a', 2, 'y')] };
		const audit = auditStore(store, [{ attemptId: 'a', seq: 0, optionId: 'x' }, { attemptId: 'a', seq: 1, optionId: 'y' }], ['a']);
		expect(audit).toMatchObject({ lost: 0, duplicates: 0, halfWritten: 0, integrityOk: true, problems: [] });
	});

	it('finds a lost step, a duplicate, a half-written attempt, a finished attempt without a score and a failed integrity check', () => {
		const store = {
			integrity: '*** in database main ***',
			attempts: [attempt('a', 2), attempt('b', 1, 'passed')],
			events: [event('a', 1, 'x'), event('a', 1, 'x'), event('b', 1, 'z')]
		};
		const audit = auditStore(store, [{ attemptId: 'a', seq: 1, optionId: 'y' }], ['a', 'b', 'missing']);
		expect(audit.lost).toBe(1);
		expect(audit.duplicates).toBe(1);
		expect(audit.halfWritten).toBe(2);
		expect(audit.integrityOk).toBe(false);
		expect(audit.problems.join('\n')).toMatch(/attempt missing is missing/);
	});
});
