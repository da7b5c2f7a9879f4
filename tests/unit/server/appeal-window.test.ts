import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/lib/server/config';
import { appealDeadline } from '../../../src/lib/server/reviews/appeals';

describe('APPEAL_WINDOW_DAYS', () => {
	it('defaults to 14 days', () => {
		expect(readConfig({}).appealWindowDays).toBe(14);
	});

	it('reads a whole number of days, 0 included', () => {
		expect(readConfig({ APPEAL_WINDOW_DAYS: '30' }).appealWindowDays).toBe(30);
		expect(readConfig({ APPEAL_WINDOW_DAYS: '0' }).appealWindowDays).toBe(0);
	});

	it('names the variable when the value is not a whole number of days', () => {
		for (const bad of ['two weeks', '-1', '1.5', '99999']) {
			expect(() => readConfig({ APPEAL_WINDOW_DAYS: bad })).toThrow(ConfigError);
			expect(() => readConfig({ APPEAL_WINDOW_DAYS: bad })).toThrow(/^APPEAL_WINDOW_DAYS: /);
		}
	});
});

describe('appealDeadline', () => {
	it('is the finishing moment plus the window, to the millisecond', () => {
		expect(appealDeadline('2026-03-01T10:00:00.000Z', 14)).toBe('2026-03-15T10:00:00.000Z');
		expect(appealDeadline('2026-03-01T10:00:00.000Z', 0)).toBe('2026-03-01T10:00:00.000Z');
	});
});
