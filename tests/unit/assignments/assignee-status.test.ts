import { describe, expect, it } from 'vitest';
import {
	byDueDate,
	dueDateProblem,
	earliestCreated,
	formatDay,
	isOverdue,
	NO_FACTS,
	scenarioState,
	summarise,
	trackState
} from '../../../src/lib/assignments/assignee-status';

const ASSIGNED = '2026-11-20T10:00:00.000Z';
const facts = (over: Partial<typeof NO_FACTS> = {}) => ({ ...NO_FACTS, ...over });

describe('scenarioState', () => {
	it('is done once a pass started after the assignment was made', () => {
		expect(scenarioState(facts({ lastPassedStart: '2026-11-21T09:00:00.000Z' }), ASSIGNED)).toBe('done');
	});

	it('ignores a pass from before the assignment: old work does not complete new homework', () => {
		expect(scenarioState(facts({ lastPassedStart: '2026-11-19T09:00:00.000Z' }), ASSIGNED)).toBe('not-started');
	});

	it('shows a failed run since the assignment as attempted, and a pass still wins over it', () => {
		expect(scenarioState(facts({ lastFailedStart: '2026-11-21T09:00:00.000Z' }), ASSIGNED)).toBe('attempted');
		expect(scenarioState(facts({ lastFailedStart: '2026-11-22T09:00:00.000Z', lastPassedStart: '2026-11-21T09:00:00.000Z' }), ASSIGNED)).toBe('done');
	});

	it('shows an unfinished run since the assignment as started', () => {
		expect(scenarioState(facts({ lastUnfinishedStart: '2026-11-20T10:00:00.000Z' }), ASSIGNED)).toBe('started');
	});
});

describe('trackState', () => {
	it('is done exactly when the certification is held', () => {
		expect(trackState(true)).toBe('done');
		expect(trackState(false)).toBe('not-started');
	});
});

describe('isOverdue', () => {
	it('is overdue only after the due day, and never once done', () => {
		expect(isOverdue('not-started', '2026-11-20', '2026-11-20')).toBe(false);
		expect(isOverdue('attempted', '2026-11-20', '2026-11-21')).toBe(true);
		expect(isOverdue('done', '2026-11-20', '2026-12-01')).toBe(false);
	});
});

describe('dueDateProblem', () => {
	it('accepts today and later days', () => {
		expect(dueDateProblem('2026-11-20', '2026-11-20')).toBeNull();
		expect(dueDateProblem('2027-01-31', '2026-11-20')).toBeNull();
	});

	it('refuses a day in the past, a malformed value and a day that is not on the calendar', () => {
		expect(dueDateProblem('2026-11-19', '2026-11-20')).toMatch(/past/);
		expect(dueDateProblem('next week', '2026-11-20')).toMatch(/date/);
		expect(dueDateProblem('2027-02-30', '2026-11-20')).toMatch(/real calendar date/);
	});
});

describe('summarise', () => {
	it('counts each state and the overdue among them', () => {
		expect(summarise(['done', 'attempted', 'started', 'not-started', 'not-started'], '2026-11-20', '2026-11-25')).toEqual({
			total: 5,
			done: 1,
			attempted: 1,
			started: 1,
			notStarted: 2,
			overdue: 4
		});
	});
});

describe('byDueDate', () => {
	it('puts the soonest due first, and the older of two due the same day first', () => {
		const items = [
			{ id: 'late', dueOn: '2026-12-01', createdAt: '2026-11-01' },
			{ id: 'newer', dueOn: '2026-11-25', createdAt: '2026-11-10' },
			{ id: 'older', dueOn: '2026-11-25', createdAt: '2026-11-02' }
		];
		expect(items.sort(byDueDate).map((i) => i.id)).toEqual(['older', 'newer', 'late']);
	});
});

describe('formatDay', () => {
	it('writes a due day the same way in every time zone', () => {
		expect(formatDay('2026-11-30')).toBe('30 November 2026');
	});
});

describe('earliestCreated', () => {
	it('is the creation time of the oldest assignment', () => {
		expect(earliestCreated([{ createdAt: '2026-11-20T10:00:00.000Z' }, { createdAt: '2026-11-02T08:00:00.000Z' }])).toBe('2026-11-02T08:00:00.000Z');
	});
});
