import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { nextTryDelayMs, retryAfterMs, verdictFor } from '../../xapi/forwarding-policy';
import type { Database } from '../db/schema';
import { claimDueStatements, markSent, parkStatements, rescheduleStatements } from '../db/xapi-outbox';
import type { XapiOutboxRow } from '../db/xapi-outbox-schema';
import { log } from '../log';
import { buildOutboxStatements, type OutgoingStatement } from './outbox-statements';

export interface ForwarderOptions {
	endpoint: string;
	username?: string;
	password?: string;
	origin: string;
	batchSize: number;
	pollMs: number;
	retry: { baseMs: number; maxMs: number };
	/** PostgreSQL: claim with SKIP LOCKED, so instances never take the same row. */
	skipLocked: boolean;
}

export interface Forwarder {
	stop: () => Promise<void>;
}

const SEND_TIMEOUT_MS = 10_000;
// Longer than a send can take, so a live instance's claim never lapses mid-send.
const LEASE_MS = 3 * SEND_TIMEOUT_MS;

interface Answer {
	status: number | null;
	retryAfter: string | null;
	text: string;
}

/**
 * Sends the outbox to `${endpoint}/statements` in the background, batch by batch, in the server
 * process. Learners never wait for it: their request only inserted a row.
 */
export function startForwarder(db: Kysely<Database>, o: ForwarderOptions): Forwarder {
	const owner = `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
	const url = `${o.endpoint.replace(/\/+$/, '')}/statements`;
	const headers: Record<string, string> = { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' };
	if (o.username !== undefined || o.password !== undefined) {
		headers.authorization = `Basic ${Buffer.from(`${o.username ?? ''}:${o.password ?? ''}`).toString('base64')}`;
	}
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	// While the LRS is failing, the whole forwarder waits (one probe batch per backoff), rather
	// than churning through the backlog and competing with learners for the database.
	let failuresInARow = 0;
	let pausedUntil = 0;
	let running: Promise<void> = Promise.resolve();

	const post = async (statements: OutgoingStatement[]): Promise<Answer> => {
		try {
			const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(statements), signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
			return { status: res.status, retryAfter: res.headers.get('retry-after'), text: (await res.text().catch(() => '')).slice(0, 1000) };
		} catch (e) {
			return { status: null, retryAfter: null, text: (e as Error).cause ? String((e as Error).cause) : (e as Error).message };
		}
	};

	const describe = (a: Answer) => (a.status === null ? `no answer: ${a.text}` : `${a.status}${a.text ? `: ${a.text}` : ''}`);

	const reschedule = (rows: XapiOutboxRow[], a: Answer) => {
		const tries = Math.max(failuresInARow++, ...rows.map((r) => Number(r.tries)));
		const delay = nextTryDelayMs(tries, retryAfterMs(a.retryAfter, Date.now()), o.retry, Math.random());
		pausedUntil = Date.now() + delay;
		return rescheduleStatements(db, rows.map((r) => r.statement_id), new Date(pausedUntil).toISOString(), describe(a));
	};

	/** Sends rows together; when the LRS refuses the batch, one by one, so only the bad statement is parked. */
	const send = async (rows: XapiOutboxRow[], built: Map<string, OutgoingStatement>): Promise<void> => {
		const answer = await post(rows.map((r) => built.get(r.statement_id)!));
		const verdict = verdictFor(answer.status);
		if (verdict === 'sent') {
			failuresInARow = 0;
			return markSent(db, rows.map((r) => r.statement_id));
		}
		if (verdict === 'retry') return reschedule(rows, answer);
		if (rows.length === 1) {
			log.warn('lrs refused a statement', { statement: rows[0].statement_id, status: answer.status ?? 0 });
			return parkStatements(db, [rows[0].statement_id], describe(answer));
		}
		for (const row of rows) await send([row], built);
	};

	/** One batch; true when there may be more due right away. */
	const forwardBatch = async (): Promise<boolean> => {
		const rows = await claimDueStatements(db, { owner, limit: o.batchSize, leaseMs: LEASE_MS, skipLocked: o.skipLocked });
		if (rows.length === 0) return false;
		const built = await buildOutboxStatements(db, rows, o.origin);
		const missing = rows.filter((r) => !built.has(r.statement_id));
		await parkStatements(db, missing.map((r) => r.statement_id), 'its attempt or certification no longer exists');
		const ready = rows.filter((r) => built.has(r.statement_id));
		if (ready.length) await send(ready, built);
		return rows.length === o.batchSize;
	};

	const loop = async () => {
		let more = false;
		try {
			more = await forwardBatch();
		} catch (e) {
			// A database hiccup: the lease returns the rows; try again on the next tick.
			log.error('lrs forwarding failed', { error: (e as Error).message });
		}
		// unref: the forwarder alone never keeps a process (a script that booted the app) alive.
		const wait = Math.max(pausedUntil - Date.now(), more ? 0 : o.pollMs);
		if (!stopped) timer = setTimeout(() => (running = loop()), wait).unref();
	};

	timer = setTimeout(() => (running = loop()), 0).unref();
	log.info('lrs forwarding on', { endpoint: url, batchSize: o.batchSize });
	return {
		stop: async () => {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
