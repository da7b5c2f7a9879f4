import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import { attemptEvents } from '../db/attempts';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { stateOf, type PlayState } from '../play/attempt-service';
import { loadRuntime } from '../play/scenario-runtime';
import { withEffectiveScore, type ScoreAdjustment } from '../reviews/effective-score';
import { canReviewAttemptOf, finishedAttemptWithOwner } from '../reviews/review-access';

export interface AttemptUnderReview extends PlayState {
	learnerName: string;
	adjustment: ScoreAdjustment | null;
}

/**
 * A finished attempt of someone the actor reviews (coaches, or decides appeals of), read-only, with
 * the effective score. Anyone else's attempt is "not found", as for learners: its existence is not
 * theirs to learn.
 */
export async function attemptForReview(db: Kysely<Database>, actor: Actor, attemptId: string): Promise<Result<AttemptUnderReview>> {
	const found = await finishedAttemptWithOwner(db, attemptId);
	if (!found || !canReviewAttemptOf(actor, found.owner)) return failure('not-found', 'No such attempt of anyone you coach');
	const { attempt, owner } = found;
	const runtime = await loadRuntime(db, attempt);
	if (!runtime) throw new Error(`attempt ${attempt.id} points at missing content ${attempt.scenarioId}@${attempt.scenarioVersion}`);
	const { state, adjustment } = await withEffectiveScore(db, stateOf(attempt, runtime, await attemptEvents(db, attempt.id)));
	return ok({ ...state, learnerName: owner.name, adjustment });
}
