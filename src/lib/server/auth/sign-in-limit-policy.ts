/**
 * Sign-in rate limiting as pure arithmetic over one counter; the caller passes "now" (ms) in.
 * A counter counts failures in a fixed window; reaching the limit locks the key for a while, and each
 * lock soon after the previous one lasts twice as long, up to a ceiling.
 */
export interface LimitRule {
	maxFailures: number;
	windowS: number;
	firstLockS: number;
	maxLockS: number;
}

export interface LimitState {
	failures: number;
	windowStartedAt: number;
	lockedUntil: number | null;
	/** Locks in a row; it decays once a whole window passes without one. */
	lockCount: number;
}

/** Whole seconds until the key may try again; 0 when it is not locked. */
export function lockRemainingS(state: LimitState | undefined, now: number): number {
	if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
	return Math.ceil((state.lockedUntil - now) / 1000);
}

export const lockDurationS = (rule: LimitRule, lockCount: number): number =>
	Math.min(rule.firstLockS * 2 ** Math.max(0, lockCount - 1), rule.maxLockS);

/** The counter after one more failed sign-in. A failure while locked changes nothing (it was refused unchecked). */
export function afterFailure(state: LimitState | undefined, now: number, rule: LimitRule): LimitState {
	if (state && lockRemainingS(state, now) > 0) return state;
	const windowOver = !state || now - state.windowStartedAt >= rule.windowS * 1000;
	const recentlyLocked = !!state?.lockedUntil && now - state.lockedUntil < rule.windowS * 1000;
	const current: LimitState = windowOver
		? { failures: 0, windowStartedAt: now, lockedUntil: state?.lockedUntil ?? null, lockCount: recentlyLocked ? state!.lockCount : 0 }
		: state!;
	const failures = current.failures + 1;
	if (failures < rule.maxFailures) return { ...current, failures };
	const lockCount = current.lockCount + 1;
	return { failures: 0, windowStartedAt: now, lockedUntil: now + lockDurationS(rule, lockCount) * 1000, lockCount };
}

/**
 * Per account: a few failures throttle for a minute or two, never more than 15 minutes, and an address
 * the person signed in from before is not held back by it at all, so an attacker guessing one
 * account's password cannot keep its owner out. Per address: more failures allowed (several people
 * share an office address), but its locks last longer; only that address is affected.
 */
export const ACCOUNT_RULE: LimitRule = { maxFailures: 5, windowS: 15 * 60, firstLockS: 60, maxLockS: 15 * 60 };
export const ADDRESS_RULE: LimitRule = { maxFailures: 20, windowS: 15 * 60, firstLockS: 5 * 60, maxLockS: 60 * 60 };

/**
 * The rules with the operator's knobs applied: the window, and the first account lock. Every lock
 * scales with it (the address's first lock stays five times the account's, each ceiling in step).
 */
export function limitRules(options: { windowS?: number; lockS?: number } = {}): { account: LimitRule; address: LimitRule } {
	const windowS = options.windowS ?? ACCOUNT_RULE.windowS;
	const scale = (options.lockS ?? ACCOUNT_RULE.firstLockS) / ACCOUNT_RULE.firstLockS;
	const scaled = (rule: LimitRule): LimitRule => ({ ...rule, windowS, firstLockS: rule.firstLockS * scale, maxLockS: rule.maxLockS * scale });
	return { account: scaled(ACCOUNT_RULE), address: scaled(ADDRESS_RULE) };
}

/** A friendly "try again in …" for the 429 message. */
export function waitText(seconds: number): string {
	if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
	const minutes = Math.ceil(seconds / 60);
	return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
