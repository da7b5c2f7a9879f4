import type { Kysely } from 'kysely';
import type { XapiAttempt } from '../../xapi/attempt-statements';
import type { Database } from './schema';

export interface XapiQuery {
	/** Only attempts touched after this instant (ISO). */
	since?: string;
	/** Only these people; undefined means everyone. */
	userIds?: string[];
	email?: string;
	/** Keyset cursor: attempts after (started_at, id). */
	after?: { startedAt: string; id: string };
	limit: number;
}

/** A page of attempts with their events and scenario titles: three queries, grouped in memory. */
export async function xapiAttemptPage(db: Kysely<Database>, q: XapiQuery): Promise<XapiAttempt[]> {
	if (q.userIds && q.userIds.length === 0) return [];
	let query = db
		.selectFrom('attempt as a')
		.innerJoin('user as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.scenario_id', 'a.scenario_version', 'a.status', 'a.score_total', 'a.started_at', 'a.finished_at', 'u.email', 'u.name'])
		.where('a.is_playtest', '=', 0);
	if (q.since) query = query.where('a.updated_at', '>', q.since);
	if (q.userIds) query = query.where('a.user_id', 'in', q.userIds);
	if (q.email) query = query.where('u.email', '=', q.email);
	const after = q.after;
	if (after) query = query.where((eb) => eb.or([eb('a.started_at', '>', after.startedAt), eb.and([eb('a.started_at', '=', after.startedAt), eb('a.id', '>', after.id)])]));
	const rows = await query.orderBy('a.started_at').orderBy('a.id').limit(q.limit).execute();
	if (rows.length === 0) return [];
	const [events, titles] = await Promise.all([
		db.selectFrom('attempt_event').selectAll().where('attempt_id', 'in', rows.map((r) => r.id)).orderBy('seq').execute(),
		db.selectFrom('scenario_version').select(['content_id', 'version', 'title']).where('content_id', 'in', [...new Set(rows.map((r) => r.scenario_id))]).execute()
	]);
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		name: r.name,
		scenarioId: r.scenario_id,
		scenarioVersion: Number(r.scenario_version),
		scenarioTitle: titles.find((t) => t.content_id === r.scenario_id && Number(t.version) === Number(r.scenario_version))?.title ?? r.scenario_id,
		status: r.status,
		scoreTotal: r.score_total === null ? null : Number(r.score_total),
		startedAt: r.started_at,
		finishedAt: r.finished_at,
		events: events.filter((e) => e.attempt_id === r.id).map((e) => ({ seq: Number(e.seq), type: e.type, optionId: e.option_id, at: e.at }))
	}));
}
