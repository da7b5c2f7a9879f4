import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { attemptStatements, type Statement } from '../../xapi/attempt-statements';
import { statementScope, type Actor } from '../access';
import type { Database } from '../db/schema';
import { memberIdsOf } from '../db/teams';
import { xapiAttemptPage } from '../db/xapi-source';

// A fixed namespace: the same attempt, verb and seq always give the same statement id.
const NAMESPACE = Buffer.from('6f1c2a5e9b3d4c7a8e0f1a2b3c4d5e6f', 'hex');

/** RFC 4122 version-5 (SHA-1, name-based) UUID. */
export function uuidV5(name: string): string {
	const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface FeedRequest {
	since?: string;
	email?: string;
	cursor?: { startedAt: string; id: string };
	origin: string;
}

/** Attempts per page; each brings all its statements, so a page never splits an attempt. */
export const ATTEMPTS_PER_PAGE = 50;

export async function statementFeed(db: Kysely<Database>, actor: Actor, req: FeedRequest): Promise<{ statements: Statement[]; next?: { startedAt: string; id: string } }> {
	const scope = statementScope(actor);
	const userIds = scope.everyone ? undefined : [...new Set([scope.selfId, ...(await memberIdsOf(db, scope.teamIds))])];
	const attempts = await xapiAttemptPage(db, { since: req.since, email: req.email, userIds, after: req.cursor, limit: ATTEMPTS_PER_PAGE + 1 });
	const page = attempts.slice(0, ATTEMPTS_PER_PAGE);
	const statements = page
		.flatMap((a) => attemptStatements(a, { origin: req.origin, idFor: uuidV5 }))
		.filter((s) => !req.since || s.timestamp > req.since)
		.sort((x, y) => x.timestamp.localeCompare(y.timestamp) || x.id.localeCompare(y.id));
	const last = page[page.length - 1];
	return { statements, next: attempts.length > ATTEMPTS_PER_PAGE ? { startedAt: last.startedAt, id: last.id } : undefined };
}
