import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import type { LrsConfig } from '../config';
import { recordAudit } from '../db/audit-log';
import type { Database } from '../db/schema';
import { listParkedStatements, outboxCounts, retryParkedStatements, type OutboxCounts } from '../db/xapi-outbox';

export interface ParkedStatement {
	statementId: string;
	source: string;
	tries: number;
	/** The LRS's answer: status and body. */
	lastError: string;
	queuedAt: string;
}

export interface LrsOverview {
	/** The LRS's statements URL, or null when forwarding is off. Never the credentials. */
	endpoint: string | null;
	/** Sent statements are counted while they are kept (LRS_KEEP_SENT_DAYS); null when forwarding is off. */
	keepSentDays: number | null;
	counts: OutboxCounts;
	parked: ParkedStatement[];
}

export async function lrsOverview(db: Kysely<Database>, lrs: LrsConfig | undefined): Promise<LrsOverview> {
	const [counts, parked] = await Promise.all([outboxCounts(db), listParkedStatements(db)]);
	return {
		endpoint: lrs ? `${lrs.endpoint.replace(/\/+$/, '')}/statements` : null,
		keepSentDays: lrs?.keepSentDays ?? null,
		counts,
		parked: parked.map((r) => ({
			statementId: r.statement_id,
			source: `${r.source_kind} ${r.source_id}`,
			tries: Number(r.tries),
			lastError: r.last_error ?? '',
			queuedAt: r.created_at
		}))
	};
}

/** An admin sends parked statements again (one, or all): they are due now, and the retry is audited. */
export async function retryParked(db: Kysely<Database>, actor: Actor, statementId?: string): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const retried = await retryParkedStatements(trx, statementId ? [statementId] : undefined);
		await recordAudit(trx, { actorId: actor.id, action: 'lrs.retried', subjectType: 'xapi_statement', subjectId: statementId ?? 'all', details: { retried } });
		return retried;
	});
}
