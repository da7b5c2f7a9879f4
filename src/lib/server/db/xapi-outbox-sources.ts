import type { Kysely } from 'kysely';
import type { XapiAttempt } from '../../xapi/attempt-statements';
import type { XapiCertification } from '../../xapi/certification-statement';
import type { Database } from './schema';

/*
 * What the outbox rebuilds statements from, by id: the same shapes the statements API reads
 * (db/xapi-source.ts pages by time instead), so a forwarded statement equals the served one.
 */

export async function xapiAttemptsByIds(db: Kysely<Database>, ids: string[]): Promise<XapiAttempt[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('attempt as a')
		.innerJoin('user as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.scenario_id', 'a.scenario_version', 'a.status', 'a.score_total', 'a.started_at', 'a.finished_at', 'u.email', 'u.name'])
		.where('a.id', 'in', ids)
		.execute();
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

export async function xapiCertificationsByIds(db: Kysely<Database>, ids: string[]): Promise<XapiCertification[]> {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('certification as c')
		.innerJoin('user as u', 'u.id', 'c.user_id')
		.leftJoin('track_version as t', (join) => join.onRef('t.content_id', '=', 'c.track_id').onRef('t.version', '=', 'c.track_version'))
		.leftJoin('credential as k', 'k.certification_id', 'c.id')
		.select(['c.id', 'c.track_id', 'c.earned_at', 't.title', 'k.id as credential_id', 'u.email', 'u.name'])
		.where('c.id', 'in', ids)
		.execute();
	return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, trackId: r.track_id, trackTitle: r.title ?? r.track_id, earnedAt: r.earned_at, credentialId: r.credential_id }));
}
