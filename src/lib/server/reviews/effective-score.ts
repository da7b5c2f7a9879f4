import type { Kysely } from 'kysely';
import { applyOverrides, overriddenCriteria } from '../../scoring/apply-overrides';
import type { ScoreResult } from '../../scoring/score-types';
import type { Database } from '../db/schema';
import { overridesOfAttempt, type ScoreOverride } from '../db/score-overrides';
import type { PlayState } from '../play/attempt-service';

/** What a decision changed, for the "adjusted on appeal" note: per criterion, and why. */
export interface ScoreAdjustment {
	originalTotal: number;
	originalPassed: boolean;
	criteria: { id: string; label: string; original: number | null; effective: number }[];
	reasons: { reason: string; decidedAt: string; deciderName: string | null }[];
}

export const effectiveScoreOf = (engine: ScoreResult, overrides: readonly ScoreOverride[]): ScoreResult =>
	applyOverrides(
		engine,
		overrides.map((o) => ({ criterionId: o.criterionId, score: o.after }))
	);

function adjustmentOf(engine: ScoreResult, effective: ScoreResult, overrides: readonly ScoreOverride[]): ScoreAdjustment | null {
	if (overrides.length === 0) return null;
	// One reason per decision: the overrides of one decision share it.
	const reasons = [...new Map(overrides.map((o) => [`${o.decidedAt}|${o.reason}`, { reason: o.reason, decidedAt: o.decidedAt, deciderName: o.deciderName }])).values()];
	return { originalTotal: engine.total, originalPassed: engine.passed, criteria: overriddenCriteria(engine, effective), reasons };
}

/**
 * The attempt as people see it: the engine's score (replayed from the events) with reviewers'
 * overrides applied, and what they changed. The events and the engine's score stay as they were.
 */
export async function withEffectiveScore(db: Kysely<Database>, state: PlayState): Promise<{ state: PlayState; adjustment: ScoreAdjustment | null }> {
	if (!state.score) return { state, adjustment: null };
	const overrides = await overridesOfAttempt(db, state.attempt.id);
	const effective = effectiveScoreOf(state.score, overrides);
	return { state: { ...state, score: effective }, adjustment: adjustmentOf(state.score, effective, overrides) };
}
