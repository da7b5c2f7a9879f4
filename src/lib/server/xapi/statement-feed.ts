import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { attemptStatements, type Statement } from '../../xapi/attempt-statements';
import { certificationStatement } from '../../xapi/certification-statement';
import { statementScope, type Actor } from '../access';
import type { Database } from '../db/schema';
import { memberIdsOf } from '../db/teams';
import { xapiAttemptPage, xapiCertificationPage } from '../db/xapi-source';

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

/** Where a page starts: attempts first (by start), then earned certifications (by date). */
export interface FeedCursor {
	phase: 'attempts' | 'certifications';
	key: string;
	id: string;
}

export interface FeedRequest {
	since?: string;
	email?: string;
	cursor?: FeedCursor;
	origin: string;
}

/** Attempts per page; each brings all its statements, so a page never splits an attempt. */
export const ATTEMPTS_PER_PAGE = 50;
export const CERTIFICATIONS_PER_PAGE = 200;

const byTime = (x: Statement, y: Statement) => x.timestamp.localeCompare(y.timestamp) || x.id.localeCompare(y.id);

export async function statementFeed(db: Kysely<Database>, actor: Actor, req: FeedRequest): Promise<{ statements: Statement[]; next?: FeedCursor }> {
	const scope = statementScope(actor);
	const userIds = scope.everyone ? undefined : [...new Set([scope.selfId, ...(await memberIdsOf(db, scope.teamIds))])];
	const filter = { since: req.since, email: req.email, userIds };
	const ctx = { origin: req.origin, idFor: uuidV5 };
	const after = (phase: FeedCursor['phase']) => (req.cursor?.phase === phase ? { startedAt: req.cursor.key, id: req.cursor.id } : undefined);
	if (req.cursor?.phase !== 'certifications') {
		const attempts = await xapiAttemptPage(db, { ...filter, after: after('attempts'), limit: ATTEMPTS_PER_PAGE + 1 });
		const page = attempts.slice(0, ATTEMPTS_PER_PAGE);
		const statements = page
			.flatMap((a) => attemptStatements(a, ctx))
			.filter((s) => !req.since || s.timestamp > req.since)
			.sort(byTime);
		const last = page[page.length - 1];
		if (attempts.length > ATTEMPTS_PER_PAGE) return { statements, next: { phase: 'attempts', key: last.startedAt, id: last.id } };
		// Attempts are done: the rest of this page starts on certifications.
		const rest = await certificationPage(db, filter, undefined, ctx);
		return { statements: [...statements, ...rest.statements], next: rest.next };
	}
	return certificationPage(db, filter, after('certifications'), ctx);
}

async function certificationPage(
	db: Kysely<Database>,
	filter: { since?: string; email?: string; userIds?: string[] },
	after: { startedAt: string; id: string } | undefined,
	ctx: { origin: string; idFor: (name: string) => string }
): Promise<{ statements: Statement[]; next?: FeedCursor }> {
	const rows = await xapiCertificationPage(db, { ...filter, after, limit: CERTIFICATIONS_PER_PAGE + 1 });
	const page = rows.slice(0, CERTIFICATIONS_PER_PAGE);
	const last = page[page.length - 1];
	return {
		statements: page.map((c) => certificationStatement(c, ctx)),
		next: rows.length > CERTIFICATIONS_PER_PAGE ? { phase: 'certifications', key: last.earnedAt, id: last.id } : undefined
	};
}
