import { sql, type Kysely } from 'kysely';
import type { ScoreResult } from '../../scoring/score-types';
import type { AttemptStatus, Database } from './schema';

/** One attempt for reporting, with its person; play-tests and unfinished attempts are left out. */
export interface ReportAttempt {
	id: string;
	userId: string;
	email: string;
	name: string;
	scenarioId: string;
	scenarioVersion: number;
	status: AttemptStatus;
	scoreTotal: number | null;
	score: ScoreResult | null;
	startedAt: string;
	finishedAt: string | null;
}

export type ReportOrder = 'started' | 'person';

/** Keyset paging: the cursor is the last row's sort key, so page n costs the same as page 1. */
export interface ReportCursor {
	key: string;
	id: string;
}

/** `withScore: false` leaves the score JSON unread (`score` is then null): a listing of totals needs none of it. */
export async function reportAttemptPage(db: Kysely<Database>, order: ReportOrder, after: ReportCursor | null, limit: number, withScore = true): Promise<ReportAttempt[]> {
	const keyColumn = order === 'started' ? 'a.started_at' : 'a.user_id';
	let query = db
		.selectFrom('attempt as a')
		.innerJoin('user as u', 'u.id', 'a.user_id')
		.select(['a.id', 'a.user_id', 'u.email', 'u.name', 'a.scenario_id', 'a.scenario_version', 'a.status', 'a.score_total', 'a.started_at', 'a.finished_at'])
		.select((withScore ? sql<string | null>`${sql.ref('a.score')}` : sql<string | null>`null`).as('score'))
		.where('a.is_playtest', '=', 0)
		.where('a.status', '!=', 'in_progress');
	// A row-value comparison: both SQLite and PostgreSQL seek straight to it in the (key, id) index
	// (migration 0009), where the equivalent OR made every page rescan all the rows before it.
	if (after) query = query.where(({ eb, refTuple, tuple }) => eb(refTuple(keyColumn, 'a.id'), '>', tuple(after.key, after.id)));
	const rows = await query.orderBy(keyColumn).orderBy('a.id').limit(limit).execute();
	return rows.map((r) => ({
		id: r.id,
		userId: r.user_id,
		email: r.email,
		name: r.name,
		scenarioId: r.scenario_id,
		scenarioVersion: Number(r.scenario_version),
		status: r.status,
		scoreTotal: r.score_total === null ? null : Number(r.score_total),
		score: r.score ? (JSON.parse(r.score) as ScoreResult) : null,
		startedAt: r.started_at,
		finishedAt: r.finished_at
	}));
}

export const cursorOf = (order: ReportOrder, a: ReportAttempt): ReportCursor => ({ key: order === 'started' ? a.startedAt : a.userId, id: a.id });
