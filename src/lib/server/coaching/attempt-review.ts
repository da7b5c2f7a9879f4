import type { Kysely } from 'kysely';
import { canSeePersonsRecord, type Actor } from '../access';
import { attemptEvents, findAttempt } from '../db/attempts';
import type { Database } from '../db/schema';
import { teamIdsOf } from '../db/teams';
import { findUserById } from '../db/users';
import { failure, ok, type Result } from '../http-errors';
import { stateOf, type PlayState } from '../play/attempt-service';
import { loadRuntime } from '../play/scenario-runtime';

/**
 * A finished attempt of someone the actor coaches, read-only. Anyone else's attempt is "not
 * found", as for learners: its existence is not theirs to learn.
 */
export async function attemptForReview(db: Kysely<Database>, actor: Actor, attemptId: string): Promise<Result<PlayState & { learnerName: string }>> {
	const attempt = await findAttempt(db, attemptId);
	const missing = failure('not-found', 'No such attempt of anyone you coach');
	if (!attempt || attempt.isPlaytest || attempt.status === 'in_progress') return missing;
	const [owner, ownerTeams] = await Promise.all([findUserById(db, attempt.userId), teamIdsOf(db, attempt.userId)]);
	if (!owner || !canSeePersonsRecord(actor, { id: owner.id, teamIds: ownerTeams })) return missing;
	const runtime = await loadRuntime(db, attempt);
	if (!runtime) throw new Error(`attempt ${attempt.id} points at missing content ${attempt.scenarioId}@${attempt.scenarioVersion}`);
	return ok({ ...stateOf(attempt, runtime, await attemptEvents(db, attempt.id)), learnerName: owner.name });
}
