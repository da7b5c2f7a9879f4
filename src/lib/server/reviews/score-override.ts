import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../access';
import { closeAppeal, type Appeal } from '../db/appeals';
import { rewriteOverriddenCriteria } from '../db/criterion-windows';
import { attemptEvents, findAttempt } from '../db/attempts';
import { recordAudit } from '../db/audit-log';
import { notify } from '../db/notifications';
import type { Database } from '../db/schema';
import { insertOverrides, overridesOfAttempt, storeEffectiveScore } from '../db/score-overrides';
import { failure, ok, type Result } from '../http-errors';
import { stateOf } from '../play/attempt-service';
import { loadRuntime } from '../play/scenario-runtime';
import { evaluateProgression } from '../progression/evaluate-progression';
import { decidableAppeal, ReasonText } from './appeals';
import { effectiveScoreOf } from './effective-score';

/**
 * The decision form: a reason and, per criterion, a new score or nothing (`score.<criterionId>`
 * fields; empty means "leave as it is").
 */
export const OverrideForm = z.object({
	reason: ReasonText,
	scores: z.record(z.string(), z.coerce.number().min(0, 'From 0 to 100').max(100, 'From 0 to 100'))
});

export const overrideInput = (values: Record<string, FormDataEntryValue>) => ({
	reason: values.reason,
	scores: Object.fromEntries(
		Object.entries(values)
			.filter(([k, v]) => k.startsWith('score.') && typeof v === 'string' && v.trim() !== '')
			.map(([k, v]) => [k.slice('score.'.length), v])
	)
});

export interface OverrideOutcome {
	totalBefore: number;
	totalAfter: number;
	passed: boolean;
	issuedTrackIds: string[];
}

async function engineScoreOf(db: Kysely<Database>, attemptId: string) {
	const attempt = await findAttempt(db, attemptId);
	const runtime = attempt && (await loadRuntime(db, attempt));
	if (!attempt || !runtime) throw new Error(`appealed attempt ${attemptId} or its content is missing`);
	const { score } = stateOf(attempt, runtime, await attemptEvents(db, attemptId));
	if (!score) throw new Error(`appealed attempt ${attemptId} has no score`);
	return { attempt, score };
}

/**
 * Overrides criterion scores on an appeal. The override is its own record; the attempt's events
 * are never touched, so replaying them still gives the engine's score. In one transaction: the
 * overrides, the appeal's decision, the attempt's derived score and status, the audit entry and
 * the learner's notification. Then the learner's certifications are evaluated again, so a score
 * raised over a requirement issues the certificate. (A lowered score does not revoke one already
 * issued: certificates are revoked by an admin, on purpose.)
 */
export async function overrideScores(db: Kysely<Database>, actor: Actor, appealId: string, input: { reason: string; scores: Record<string, number> }): Promise<Result<OverrideOutcome>> {
	const found = await decidableAppeal(db, actor, appealId);
	if (!found.ok) return found;
	const appeal: Appeal = found.value;
	if (appeal.status !== 'open') return failure('conflict', 'This appeal has already been decided');
	const { attempt, score: engine } = await engineScoreOf(db, appeal.attemptId);
	const changes = Object.entries(input.scores);
	if (changes.length === 0) return failure('invalid', 'Give a new score for at least one criterion, or keep the score');
	const unknown = changes.find(([id]) => !engine.criteria.some((c) => c.id === id));
	if (unknown) return failure('invalid', `The rubric has no criterion "${unknown[0]}"`);

	const existing = await overridesOfAttempt(db, attempt.id);
	const before = effectiveScoreOf(engine, existing);
	const fresh = changes.map(([criterionId, after]) => ({
		attemptId: attempt.id,
		appealId,
		criterionId,
		before: before.criteria.find((c) => c.id === criterionId)!.score,
		after,
		reason: input.reason,
		decidedBy: actor.id
	}));
	const after = effectiveScoreOf(engine, [...existing, ...fresh.map((o) => ({ ...o, id: '', deciderName: null, decidedAt: '' }))]);

	const decided = await db.transaction().execute(async (trx) => {
		if (!(await closeAppeal(trx, appealId, { status: 'overridden', decidedBy: actor.id, reason: input.reason }))) return false;
		await insertOverrides(trx, fresh);
		await storeEffectiveScore(trx, attempt.id, { total: after.total, passed: after.passed, json: JSON.stringify(after) });
		await rewriteOverriddenCriteria(trx, attempt);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'attempt.score-overridden',
			subjectType: 'attempt',
			subjectId: attempt.id,
			details: {
				appealId,
				learnerId: attempt.userId,
				criteria: fresh.map((o) => ({ criterion: o.criterionId, before: o.before, after: o.after })),
				totalBefore: before.total,
				totalAfter: after.total,
				statusBefore: before.passed ? 'passed' : 'failed',
				statusAfter: after.passed ? 'passed' : 'failed',
				reason: input.reason
			}
		});
		await notify(trx, {
			userId: attempt.userId,
			kind: 'appeal-decided',
			attemptId: attempt.id,
			message: `${actor.name} adjusted your score on appeal, from ${before.total} to ${after.total}: ${input.reason}`
		});
		return true;
	});
	if (!decided) return failure('conflict', 'This appeal has already been decided');
	const progression = await evaluateProgression(db, attempt.userId);
	return ok({ totalBefore: before.total, totalAfter: after.total, passed: after.passed, issuedTrackIds: progression.issuedTrackIds });
}
