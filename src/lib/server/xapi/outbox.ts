import type { Kysely } from 'kysely';
import type { AttemptStatus, Database } from '../db/schema';
import { enqueueStatements, isOutboxEnabled } from '../db/xapi-outbox';
import { uuidV5 } from './statement-feed';

/*
 * What each event queues for the LRS, by statement id. The ids are the statements API's own
 * (attempt, verb, seq → a name-based UUID), so the forwarded statement is the served one and a
 * re-send is the same statement to the LRS. Called inside the event's transaction; without an
 * LRS no id is even hashed (a step's ids were a few percent of its CPU).
 */

const attemptStatementId = (attemptId: string, verb: string, seq: number) => uuidV5(`${attemptId}:${verb}:${seq}`);

/** A new attempt: launched. */
export const enqueueLaunched = async (trx: Kysely<Database>, attemptId: string) => {
	if (isOutboxEnabled()) await enqueueStatements(trx, 'attempt', attemptId, [attemptStatementId(attemptId, 'launched', 0)]);
};

/** A step: answered; and when it ends the attempt with a score, completed and passed or failed. */
export async function enqueueStep(trx: Kysely<Database>, attemptId: string, step: { seq: number; type: string; status: AttemptStatus }) {
	if (!isOutboxEnabled()) return;
	const ids = step.type === 'choose' ? [attemptStatementId(attemptId, 'answered', step.seq)] : [];
	// Abandoning sends nothing: the statements API has no statement for it either.
	if (step.status === 'passed' || step.status === 'failed') {
		ids.push(attemptStatementId(attemptId, 'completed', step.seq), attemptStatementId(attemptId, step.status, step.seq));
	}
	await enqueueStatements(trx, 'attempt', attemptId, ids);
}

/** An issued certification: earned. */
export const enqueueEarned = async (trx: Kysely<Database>, certificationId: string) => {
	if (isOutboxEnabled()) await enqueueStatements(trx, 'certification', certificationId, [uuidV5(`${certificationId}:earned`)]);
};
