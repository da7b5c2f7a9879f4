import type { Kysely } from 'kysely';
import type { AttemptStatus, Database } from '../db/schema';
import { enqueueStatements } from '../db/xapi-outbox';
import { uuidV5 } from './statement-feed';

/*
 * What each event queues for the LRS, by statement id. The ids are the statements API's own
 * (attempt, verb, seq → a name-based UUID), so the forwarded statement is the served one and a
 * re-send is the same statement to the LRS. Called inside the event's transaction.
 */

const attemptStatementId = (attemptId: string, verb: string, seq: number) => uuidV5(`${attemptId}:${verb}:${seq}`);

/** A new attempt: launched. */
export const enqueueLaunched = (trx: Kysely<Database>, attemptId: string) =>
	enqueueStatements(trx, 'attempt', attemptId, [attemptStatementId(attemptId, 'launched', 0)]);

/** A step: answered; and when it ends the attempt with a score, completed and passed or failed. */
export function enqueueStep(trx: Kysely<Database>, attemptId: string, step: { seq: number; type: string; status: AttemptStatus }) {
	const ids = step.type === 'choose' ? [attemptStatementId(attemptId, 'answered', step.seq)] : [];
	// Abandoning sends nothing: the statements API has no statement for it either.
	if (step.status === 'passed' || step.status === 'failed') {
		ids.push(attemptStatementId(attemptId, 'completed', step.seq), attemptStatementId(attemptId, step.status, step.seq));
	}
	return enqueueStatements(trx, 'attempt', attemptId, ids);
}

/** An issued certification: earned. */
export const enqueueEarned = (trx: Kysely<Database>, certificationId: string) =>
	enqueueStatements(trx, 'certification', certificationId, [uuidV5(`${certificationId}:earned`)]);
