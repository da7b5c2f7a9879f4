import type { Kysely } from 'kysely';
import { nowIso } from '../clock';
import type { Database } from './schema';
import type { OutboxSourceKind, OutboxStatus, XapiOutboxRow } from './xapi-outbox-schema';

/*
 * The LRS outbox's queue. Rows name a statement (its stable id) and where to rebuild it from;
 * the statement itself is built when sent, from the same events the statements API reads.
 */

// Off unless LRS_ENDPOINT is set (bootApp turns it on): without an LRS nothing is queued.
let enabled = false;
export const setOutboxEnabled = (on: boolean) => {
	enabled = on;
};
export const isOutboxEnabled = () => enabled;

/** Queues statements, inside the caller's transaction. One insert; a statement already queued stays as it is. */
export async function enqueueStatements(trx: Kysely<Database>, kind: OutboxSourceKind, sourceId: string, statementIds: string[]) {
	if (!enabled || statementIds.length === 0) return;
	const at = nowIso();
	await trx
		.insertInto('xapi_outbox')
		.values(statementIds.map((id) => ({ statement_id: id, source_kind: kind, source_id: sourceId, status: 'pending' as const, tries: 0, next_try_at: at, created_at: at })))
		.onConflict((oc) => oc.column('statement_id').doNothing())
		.execute();
}

export interface Claim {
	owner: string;
	limit: number;
	leaseMs: number;
	/** PostgreSQL: skip rows another instance is claiming right now. SQLite has one writer anyway. */
	skipLocked: boolean;
}

/**
 * Claims up to `limit` due rows for this instance with one UPDATE … WHERE id IN (SELECT …):
 * a row is claimed by one instance until its lease ends (a crashed instance's rows come back then).
 */
export async function claimDueStatements(db: Kysely<Database>, c: Claim): Promise<XapiOutboxRow[]> {
	const now = new Date();
	const nowText = now.toISOString();
	let due = db
		.selectFrom('xapi_outbox')
		.select('statement_id')
		.where('status', '=', 'pending')
		.where('next_try_at', '<=', nowText)
		.where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', nowText)]))
		.orderBy('created_at')
		.orderBy('statement_id')
		.limit(c.limit);
	if (c.skipLocked) due = due.forUpdate().skipLocked();
	const rows = await db
		.updateTable('xapi_outbox')
		.set({ leased_until: new Date(now.getTime() + c.leaseMs).toISOString(), leased_by: c.owner })
		.where('statement_id', 'in', due)
		.returningAll()
		.execute();
	return rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.statement_id.localeCompare(b.statement_id));
}

export async function markSent(db: Kysely<Database>, ids: string[]) {
	if (ids.length === 0) return;
	await db
		.updateTable('xapi_outbox')
		.set({ status: 'sent', sent_at: new Date().toISOString(), leased_until: null, leased_by: null, last_error: null })
		.where('statement_id', 'in', ids)
		.execute();
}

/**
 * Deletes up to `limit` statements the LRS accepted before `sentBefore`; returns how many. The
 * due index finds them: a statement is sent only once its next try is due, so its next_try_at is
 * never after its sent_at.
 */
export async function deleteSentBefore(db: Kysely<Database>, sentBefore: string, limit: number): Promise<number> {
	const old = db
		.selectFrom('xapi_outbox')
		.select('statement_id')
		.where('status', '=', 'sent')
		.where('next_try_at', '<', sentBefore)
		.where('sent_at', '<', sentBefore)
		.limit(limit);
	const result = await db.deleteFrom('xapi_outbox').where('statement_id', 'in', old).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Another try later (network error, 5xx, 429). */
export async function rescheduleStatements(db: Kysely<Database>, ids: string[], nextTryAt: string, error: string) {
	if (ids.length === 0) return;
	await db
		.updateTable('xapi_outbox')
		.set((eb) => ({ tries: eb('tries', '+', 1), next_try_at: nextTryAt, leased_until: null, leased_by: null, last_error: error }))
		.where('statement_id', 'in', ids)
		.execute();
}

/** The LRS refused it (a 4xx other than 429): sending it again would not help until someone looks. */
export async function parkStatements(db: Kysely<Database>, ids: string[], error: string) {
	if (ids.length === 0) return;
	await db
		.updateTable('xapi_outbox')
		.set((eb) => ({ status: 'failed', tries: eb('tries', '+', 1), leased_until: null, leased_by: null, last_error: error }))
		.where('statement_id', 'in', ids)
		.execute();
}

/** An admin's retry: parked rows (all, or the given ones) are due again now. Returns how many. */
export async function retryParkedStatements(db: Kysely<Database>, ids?: string[]): Promise<number> {
	let query = db.updateTable('xapi_outbox').set({ status: 'pending', tries: 0, next_try_at: nowIso() }).where('status', '=', 'failed');
	if (ids) {
		if (ids.length === 0) return 0;
		query = query.where('statement_id', 'in', ids);
	}
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export type OutboxCounts = Record<OutboxStatus, number>;

export async function outboxCounts(db: Kysely<Database>): Promise<OutboxCounts> {
	const rows = await db.selectFrom('xapi_outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
	const counts: OutboxCounts = { pending: 0, sent: 0, failed: 0 };
	for (const r of rows) counts[r.status] = Number(r.n);
	return counts;
}

export async function listParkedStatements(db: Kysely<Database>, limit = 100): Promise<XapiOutboxRow[]> {
	return db.selectFrom('xapi_outbox').selectAll().where('status', '=', 'failed').orderBy('created_at', 'desc').limit(limit).execute();
}
