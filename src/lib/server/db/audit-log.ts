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

export interface AuditFilter {
	action?: string;
	actorId?: string;
	/** Inclusive ISO date or timestamp bounds. */
	from?: string;
	to?: string;
	page: number;
	pageSize: number;
}

export interface AuditLine {
	id: string;
	at: string;
	actorName: string | null;
	action: string;
	subjectType: string;
	subjectId: string | null;
	details: Record<string, unknown>;
}

/** Newest first; one extra row is fetched to tell whether a next page exists. */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<{ lines: AuditLine[]; hasMore: boolean }> {
	let query = db.selectFrom('audit_log as a').leftJoin('user as u', 'u.id', 'a.actor_id').select(['a.id', 'a.at', 'a.action', 'a.subject_type', 'a.subject_id', 'a.details', 'u.name as actor_name']);
	if (filter.action) query = query.where('a.action', '=', filter.action);
	if (filter.actorId) query = query.where('a.actor_id', '=', filter.actorId);
	if (filter.from) query = query.where('a.at', '>=', filter.from);
	// A bare date as upper bound means "to the end of that day": timestamps sort as text.
	if (filter.to) query = query.where('a.at', '<=', filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to);
	const rows = await query
		.orderBy('a.at', 'desc')
		.orderBy('a.id')
		.limit(filter.pageSize + 1)
		.offset((filter.page - 1) * filter.pageSize)
		.execute();
	const lines = rows.slice(0, filter.pageSize).map((r) => ({
		id: r.id,
		at: r.at,
		actorName: r.actor_name,
		action: r.action,
		subjectType: r.subject_type,
		subjectId: r.subject_id,
		details: JSON.parse(r.details) as Record<string, unknown>
	}));
	return { lines, hasMore: rows.length > filter.pageSize };
}

export async function listAuditActions(db: Kysely<Database>): Promise<string[]> {
	const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
	return rows.map((r) => r.action);
}
