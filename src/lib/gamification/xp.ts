/** XP per difficulty point for a perfect score. */
export const XP_PER_DIFFICULTY = 20;
/** Paid once per scenario, on its first pass, per difficulty point. */
export const FIRST_PASS_BONUS_PER_DIFFICULTY = 25;
/** The base XP of the 1st, 2nd, 3rd, 4th finished play of the same scenario; from the 5th on, none. */
export const REPLAY_FACTORS = [1, 0.5, 0.25, 0.1] as const;

export interface XpFacts {
	difficulty: number;
	/** 0–100. */
	score: number;
	passed: boolean;
	/** Finished attempts at the same scenario before this one. */
	priorFinished: number;
	/** Whether one of those passed. */
	passedBefore: boolean;
}

export interface XpAward {
	base: number;
	replayFactor: number;
	firstPassBonus: number;
	total: number;
}

/**
 * XP grows with score and difficulty. Replaying one scenario pays less each time, so XP follows
 * breadth of practice rather than farming an easy favourite; the first pass of each scenario
 * earns a bonus, so persisting through failures pays off.
 */
export function xpForAttempt(facts: XpFacts): XpAward {
	const replayFactor = REPLAY_FACTORS[facts.priorFinished] ?? 0;
	const base = Math.round(XP_PER_DIFFICULTY * facts.difficulty * (Math.max(0, Math.min(100, facts.score)) / 100) * replayFactor);
	const firstPassBonus = facts.passed && !facts.passedBefore ? FIRST_PASS_BONUS_PER_DIFFICULTY * facts.difficulty : 0;
	return { base, replayFactor, firstPassBonus, total: base + firstPassBonus };
}
