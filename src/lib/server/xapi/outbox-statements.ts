import type { Kysely } from 'kysely';
import { attemptStatements, type Statement } from '../../xapi/attempt-statements';
import { certificationStatement } from '../../xapi/certification-statement';
import type { Database } from '../db/schema';
import { xapiAttemptsByIds, xapiCertificationsByIds } from '../db/xapi-outbox-sources';
import type { XapiOutboxRow } from '../db/xapi-outbox-schema';
import { uuidV5 } from './statement-feed';

/** A statement as sent to an LRS: `stored` is the LRS's to set. */
export type OutgoingStatement = Omit<Statement, 'stored'>;

/**
 * Rebuilds the claimed rows' statements from their attempts and certifications (a few queries
 * for the whole batch). A row whose source has gone (a deleted person) maps to nothing.
 */
export async function buildOutboxStatements(db: Kysely<Database>, rows: XapiOutboxRow[], origin: string): Promise<Map<string, OutgoingStatement>> {
	const idsOf = (kind: XapiOutboxRow['source_kind']) => [...new Set(rows.filter((r) => r.source_kind === kind).map((r) => r.source_id))];
	const [attempts, certifications] = await Promise.all([xapiAttemptsByIds(db, idsOf('attempt')), xapiCertificationsByIds(db, idsOf('certification'))]);
	const ctx = { origin, idFor: uuidV5 };
	const built = new Map<string, OutgoingStatement>();
	for (const s of [...attempts.flatMap((a) => attemptStatements(a, ctx)), ...certifications.map((c) => certificationStatement(c, ctx))]) {
		const { stored: _stored, ...outgoing } = s;
		built.set(s.id, outgoing);
	}
	return built;
}
