import type { Kysely } from 'kysely';
import type { AttemptStatus, Database } from './schema';

export interface MemberAttempt {
	id: string;
	userId: string;
	scenarioTitle: string;
	status: AttemptStatus;
	scoreTotal: number | null;
	startedAt: string;
	updatedAt: string;
}

/**
 * The people's real attempts (no play-tests) since a date, newest first, in one query. The score
 * JSON is not read: criterion scores come from the narrow roll-up (`criteriaOfAttempts`).
 */
export async function attemptsOfPeople(db: Kysely<Database>, userIds: string[], sinceIso: string): Promise<MemberAttempt[]> {
	if (userIds.length === 0) return [];
	const rows = await db
		.selectFrom('attempt as a')
		.leftJoin('scenario_version as s', (join) => join.onRef('s.content_id', '=', 'a.scenario_id').onRef('s.version', '=', 'a.scenario_version'))
		.select(['a.id', 'a.user_id', 'a.scenario_id', 's.title', 'a.status', 'a.score_total', 'a.started_at', 'a.updated_at'])
		.where('a.user_id', 'in', userIds)
		.where('a.is_playtest', '=', 0)
		.where('a.started_at', '>=', sinceIso)
		.orderBy('a.started_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		userId: r.user_id,
		scenarioTitle: r.title ?? r.scenario_id,
		status: r.status,
		scoreTotal: r.score_total === null ? null : Number(r.score_total),
		startedAt: r.started_at,
		updatedAt: r.updated_at
	}));
}
