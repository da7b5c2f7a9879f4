import { describe, expect, it } from 'vitest';
import { backoffMs, nextTryDelayMs, retryAfterMs, verdictFor } from '../../src/lib/xapi/forwarding-policy';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('verdictFor', () => {
	it('counts any 2xx as sent', () => {
		expect([200, 204].map(verdictFor)).toEqual(['sent', 'sent']);
	});
	it('retries when there was no answer, on 429 and on every 5xx', () => {
		expect([null, 429, 500, 502, 503, 504].map(verdictFor)).toEqual(Array(6).fill('retry'));
	});
	it('parks a statement the LRS refuses with another 4xx', () => {
		expect([400, 401, 403, 404, 409, 413].map(verdictFor)).toEqual(Array(6).fill('park'));
	});
});

describe('backoffMs', () => {
	it('doubles the ceiling with each try', () => {
		expect([0, 1, 2, 3].map((t) => backoffMs(t, policy, 1))).toEqual([1000, 2000, 4000, 8000]);
	});
	it('never waits longer than the cap, however many tries', () => {
		expect(backoffMs(50, policy, 1)).toBe(60_000);
	});
	it('spreads waits with jitter but never below the base', () => {
		expect(backoffMs(4, policy, 0.5)).toBe(8000);
		expect(backoffMs(4, policy, 0)).toBe(1000);
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2026-03-01T12:00:00Z');
	it('reads delta-seconds', () => {
		expect(retryAfterMs('7', now)).toBe(7000);
	});
	it('reads an HTTP date', () => {
		expect(retryAfterMs('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
	});
	it('ignores a missing or unreadable header', () => {
		expect(retryAfterMs(null, now)).toBeUndefined();
		expect(retryAfterMs('soon', now)).toBeUndefined();
	});
});

describe('nextTryDelayMs', () => {
	it("follows the LRS's Retry-After instead of the backoff", () => {
		expect(nextTryDelayMs(0, 20_000, policy, 1)).toBe(20_000);
	});
	it('waits at most an hour even when Retry-After asks for longer', () => {
		expect(nextTryDelayMs(0, 10 * 3_600_000, policy, 1)).toBe(3_600_000);
	});
	it('backs off when the LRS gave no Retry-After', () => {
		expect(nextTryDelayMs(2, undefined, policy, 1)).toBe(4000);
	});
});
