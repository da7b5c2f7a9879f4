/* Tables of the LRS forwarding outbox (issue 8); part of the one `Database` in schema.ts. */
import type { Selectable } from 'kysely';

/** pending: to send (when next_try_at is due); sent: the LRS accepted it; failed: parked after a 4xx, until an admin retries. */
export type OutboxStatus = 'pending' | 'sent' | 'failed';
export type OutboxSourceKind = 'attempt' | 'certification';

export interface XapiOutboxTable {
	statement_id: string;
	source_kind: OutboxSourceKind;
	source_id: string;
	status: OutboxStatus;
	tries: number;
	next_try_at: string;
	leased_until: string | null;
	leased_by: string | null;
	last_error: string | null;
	created_at: string;
	sent_at: string | null;
}

export type XapiOutboxRow = Selectable<XapiOutboxTable>;

export interface XapiOutboxTables {
	xapi_outbox: XapiOutboxTable;
}
