import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { Database } from './schema';

export interface ScoreOverride {
	id: string;
	attemptId: string;
	appealId: string | null;
	criterionId: string;
	before: number | null;
	after: number;
	reason: string;
	decidedBy: string;
	deciderName: string | null;
	decidedAt: string;
}

export interface NewScoreOverride {
	attemptId: string;
	appealId: string | null;
	criterionId: string;
	before: number | null;
	after: number;
	reason: string;
	decidedBy: string;
}

export async function insertOverrides(db: Kysely<Database>, overrides: NewScoreOverride[]) {
	if (overrides.length === 0) return;
	const at = nowIso();
	await db
		.insertInto('score_override')
		.values(
			overrides.map((o) => ({
				id: newId(),
				attempt_id: o.attemptId,
				appeal_id: o.appealId,
				criterion_id: o.criterionId,
				before_score: o.before,
				after_score: o.after,
				reason: o.reason,
				decided_by: o.decidedBy,
				decided_at: at
			}))
		)
		.execute();
}

/** In the order they were decided, so the latest override of a criterion comes last. */
export async function overridesOfAttempt(db: Kysely<Database>, attemptId: string): Promise<ScoreOverride[]> {
	const rows = await db
		.selectFrom('score_override as o')
		.leftJoin('user as u', 'u.id', 'o.decided_by')
		.selectAll('o')
		.select('u.name as decider_name')
		.where('o.attempt_id', '=', attemptId)
		.orderBy('o.decided_at')
		.orderBy('o.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		attemptId: r.attempt_id,
		appealId: r.appeal_id,
		criterionId: r.criterion_id,
		before: r.before_score === null ? null : Number(r.before_score),
		after: Number(r.after_score),
		reason: r.reason,
		decidedBy: r.decided_by,
		deciderName: r.decider_name,
		decidedAt: r.decided_at
	}));
}

/**
 * The attempt's stored score and status are derived and kept for listings and certification
 * (which read them, not replays); they follow the effective score. The events stay untouched.
 */
export async function storeEffectiveScore(db: Kysely<Database>, attemptId: string, score: { total: number; passed: boolean; json: string }) {
	await db
		.updateTable('attempt')
		.set({ score_total: score.total, score: score.json, status: score.passed ? 'passed' : 'failed', updated_at: nowIso() })
		.where('id', '=', attemptId)
		.execute();
}
