import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_RULE,
	afterFailure,
	limitRules,
	lockDurationS,
	lockRemainingS,
	waitText,
	type LimitRule,
	type LimitState
} from '../../../src/lib/server/auth/sign-in-limit-policy';

const rule: LimitRule = { maxFailures: 3, windowS: 600, firstLockS: 60, maxLockS: 240 };
const S = 1000;

const fail = (times: number, start: LimitState | undefined, at: number) => {
	let state = start;
	for (let i = 0; i < times; i++) state = afterFailure(state, at, rule);
	return state!;
};

describe('sign-in limit policy', () => {
	it('lets failures below the limit through and locks on reaching it', () => {
		const two = fail(2, undefined, 0);
		expect(lockRemainingS(two, 0)).toBe(0);
		const three = afterFailure(two, 1 * S, rule);
		expect(lockRemainingS(three, 1 * S)).toBe(60);
		expect(lockRemainingS(three, 61 * S)).toBe(0);
	});

	it('forgets failures once the window has passed', () => {
		const two = fail(2, undefined, 0);
		const later = afterFailure(two, 600 * S, rule);
		expect(later.failures).toBe(1);
		expect(lockRemainingS(later, 600 * S)).toBe(0);
	});

	it('ignores failures while locked (they are refused unchecked)', () => {
		const locked = fail(3, undefined, 0);
		expect(afterFailure(locked, 10 * S, rule)).toEqual(locked);
	});

	it('doubles each lock that follows soon after the last, up to the ceiling', () => {
		let state = fail(3, undefined, 0);
		const locks: number[] = [lockRemainingS(state, 0)];
		let at = 0;
		for (let i = 0; i < 4; i++) {
			at = state.lockedUntil!;
			state = fail(3, state, at);
			locks.push(lockRemainingS(state, at));
		}
		expect(locks).toEqual([60, 120, 240, 240, 240]);
	});

	it('starts again from the first lock after a quiet window', () => {
		const first = fail(3, undefined, 0);
		const second = fail(3, first, first.lockedUntil!);
		const quietUntil = second.lockedUntil! + 600 * S;
		const third = fail(3, second, quietUntil);
		expect(lockRemainingS(third, quietUntil)).toBe(60);
	});

	it('never locks an account for more than 15 minutes by default', () => {
		expect(lockDurationS(ACCOUNT_RULE, 20)).toBe(15 * 60);
		expect(lockDurationS(ACCOUNT_RULE, 1)).toBe(60);
	});

	it('scales every lock with the operator knobs', () => {
		const { account, address } = limitRules({ windowS: 30, lockS: 2 });
		expect(account).toMatchObject({ windowS: 30, firstLockS: 2, maxLockS: 30, maxFailures: 5 });
		expect(address).toMatchObject({ windowS: 30, firstLockS: 10, maxLockS: 120, maxFailures: 20 });
		expect(limitRules().account).toEqual(ACCOUNT_RULE);
	});

	it('words the wait for people', () => {
		expect(waitText(1)).toBe('1 second');
		expect(waitText(45)).toBe('45 seconds');
		expect(waitText(61)).toBe('2 minutes');
	});
});
