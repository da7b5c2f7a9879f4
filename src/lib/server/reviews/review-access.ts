import type { Kysely } from 'kysely';
import { can, canDecideAppealOf, canSeePersonsRecord, type Actor } from '../access';
import { findAttempt, type Attempt } from '../db/attempts';
import type { Database } from '../db/schema';
import { teamIdsOf } from '../db/teams';
import { findUserById, type User } from '../db/users';

/**
 * Who may review (and comment on) a person's attempt, composed from the access policy: whoever
 * coaches a team they are on, and whoever may decide their appeals (trainers too). Never the
 * person themself: a review is someone else's view of the work.
 */
export const canReviewAttemptOf = (actor: Actor, owner: { id: string; teamIds: string[] }): boolean =>
	actor.id !== owner.id && ((can(actor, 'coach') && canSeePersonsRecord(actor, owner)) || canDecideAppealOf(actor, owner));

export interface ReviewableAttempt {
	attempt: Attempt;
	owner: User & { teamIds: string[] };
}

/** A finished, real attempt with its owner, or undefined for in-progress attempts and play-tests. */
export async function finishedAttemptWithOwner(db: Kysely<Database>, attemptId: string): Promise<ReviewableAttempt | undefined> {
	const attempt = await findAttempt(db, attemptId);
	if (!attempt || attempt.isPlaytest || attempt.status === 'in_progress') return undefined;
	const [owner, teamIds] = await Promise.all([findUserById(db, attempt.userId), teamIdsOf(db, attempt.userId)]);
	return owner && { attempt, owner: { ...owner, teamIds } };
}
