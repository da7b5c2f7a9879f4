import type { Kysely } from 'kysely';
import type { XapiAttempt } from '../../xapi/attempt-statements';
import type { XapiCertification } from '../../xapi/certification-statement';
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
	let query = attemptRows(db).where('a.is_playtest', '=', 0);
	if (q.since) query = query.where('a.updated_at', '>', q.since);
	if (q.userIds) query = query.where('a.user_id', 'in', q.userIds);
	if (q.email) query = query.where('u.email', '=', q.email);
	const after = q.after;
	if (after) query = query.where((eb) => eb.or([eb('a.started_at', '>', after.startedAt), eb.and([eb('a.started_at', '=', after.startedAt), eb('a.id', '>', after.id)])]));
	const rows = await query.orderBy('a.started_at').orderBy('a.id').limit(q.limit).execute();
	return withEventsAndTitles(db, rows);
}

/** Earned certifications (not revoked) with the track's title and the credential, if one was issued. */
export async function xapiCertificationPage(db: Kysely<Database>, q: XapiQuery): Promise<XapiCertification[]> {
	if (q.userIds && q.userIds.length === 0) return [];
	let query = certificationRows(db).where('c.revoked_at', 'is', null);
	if (q.since) query = query.where('c.earned_at', '>', q.since);
	if (q.userIds) query = query.where('c.user_id', 'in', q.userIds);
	if (q.email) query = query.where('u.email', '=', q.email);
	const after = q.after;
	if (after) query = query.where((eb) => eb.or([eb('c.earned_at', '>', after.startedAt), eb.and([eb('c.earned_at', '=', after.startedAt), eb('c.id', '>', after.id)])]));
	const rows = await query.orderBy('c.earned_at').orderBy('c.id').limit(q.limit).execute();
	return rows.map(toXapiCertification);
}

/* Shared with the LRS outbox (xapi-outbox-sources.ts), so a forwarded statement equals the served one. */

export const attemptRows = (db: Kysely<Database>) =>
	db
		.selectFrom('attempt as a')
		.innerJoin('user as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.scenario_id', 'a.scenario_version', 'a.status', 'a.score_total', 'a.started_at', 'a.finished_at', 'u.email', 'u.name']);

type AttemptRow = Awaited<ReturnType<ReturnType<typeof attemptRows>['execute']>>[number];

/** The attempts' events and scenario titles: two queries, grouped in memory. */
export async function withEventsAndTitles(db: Kysely<Database>, rows: AttemptRow[]): Promise<XapiAttempt[]> {
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

export const certificationRows = (db: Kysely<Database>) =>
	db
		.selectFrom('certification as c')
		.innerJoin('user as u', 'u.id', 'c.user_id')
		.leftJoin('track_version as t', (join) => join.onRef('t.content_id', '=', 'c.track_id').onRef('t.version', '=', 'c.track_version'))
		.leftJoin('credential as k', 'k.certification_id', 'c.id')
		.select(['c.id', 'c.track_id', 'c.earned_at', 't.title', 'k.id as credential_id', 'u.email', 'u.name']);

type CertificationRow = Awaited<ReturnType<ReturnType<typeof certificationRows>['execute']>>[number];

export const toXapiCertification = (r: CertificationRow): XapiCertification => ({
	id: r.id,
	email: r.email,
	name: r.name,
	trackId: r.track_id,
	trackTitle: r.title ?? r.track_id,
	earnedAt: r.earned_at,
	credentialId: r.credential_id
});
