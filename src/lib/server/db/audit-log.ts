import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { Database } from './schema';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	subjectType: string;
	subjectId?: string | null;
	details?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database>, entry: AuditEntry) {
	await db
		.insertInto('audit_log')
		.values({
			id: newId(),
			at: nowIso(),
			actor_id: entry.actorId,
			action: entry.action,
			subject_type: entry.subjectType,
			subject_id: entry.subjectId ?? null,
			details: JSON.stringify(entry.details ?? {})
		})
		.execute();
}
