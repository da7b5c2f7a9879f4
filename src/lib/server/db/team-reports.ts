import { sql, type Kysely } from 'kysely';
import type { AttemptStatus, Database } from './schema';
import { listMemberships, membersOf, type TeamScope } from './teams';
import { toUser } from './users';

/** One of a member's recent attempts as the team view lists it (their last activity is counted apart). */
export interface MemberAttempt {
	id: string;
	userId: string;
	scenarioTitle: string;
	status: AttemptStatus;
	scoreTotal: number | null;
	startedAt: string;
}

/** One member's real attempts (no play-tests) since a date, counted by the database. */
export interface MemberActivity {
	userId: string;
	attempts: number;
	passed: number;
	failed: number;
	/** When any of those attempts last changed. */
	lastActive: string;
}

/** The scope's people and every team each of them is on (a lead's member may also be on another team). */
export async function peopleInScope(db: Kysely<Database>, scope: TeamScope) {
	const [users, memberships] = await Promise.all([
		db.selectFrom('user').selectAll().where('id', 'in', membersOf(db, scope)).orderBy('name').execute(),
		listMemberships(db, scope)
	]);
	return { users: users.map(toUser), memberships };
}

const realAttemptsSince = (db: Kysely<Database>, scope: TeamScope, sinceIso: string) =>
	db
		.selectFrom('attempt as a')
		.where('a.user_id', 'in', membersOf(db, scope))
		.where('a.is_playtest', '=', 0)
		.where('a.started_at', '>=', sinceIso);

/** Each member's attempt counts since a date: one row a member, from the covering index, however many attempts. */
export async function activityInScope(db: Kysely<Database>, scope: TeamScope, sinceIso: string): Promise<MemberActivity[]> {
	const rows = await realAttemptsSince(db, scope, sinceIso)
		.select((eb) => [
			'a.user_id',
			eb.fn.countAll().as('attempts'),
			eb.fn.sum(eb.case().when('a.status', '=', 'passed').then(1).else(0).end()).as('passed'),
			eb.fn.sum(eb.case().when('a.status', '=', 'failed').then(1).else(0).end()).as('failed'),
			eb.fn.max('a.updated_at').as('last_active')
		])
		.groupBy('a.user_id')
		.execute();
	// PostgreSQL answers counts and sums as strings.
	return rows.map((r) => ({ userId: r.user_id, attempts: Number(r.attempts), passed: Number(r.passed), failed: Number(r.failed), lastActive: r.last_active }));
}

/** Each member's newest finished attempts since a date, at most `perMember` each, newest first. */
export async function recentFinishedInScope(db: Kysely<Database>, scope: TeamScope, sinceIso: string, perMember: number): Promise<MemberAttempt[]> {
	const ranked = realAttemptsSince(db, scope, sinceIso)
		.leftJoin('scenario_version as s', (join) => join.onRef('s.content_id', '=', 'a.scenario_id').onRef('s.version', '=', 'a.scenario_version'))
		.select([
			'a.id',
			'a.user_id',
			'a.scenario_id',
			's.title',
			'a.status',
			'a.score_total',
			'a.started_at',
			sql<number>`row_number() over (partition by a.user_id order by a.started_at desc, a.id desc)`.as('rank')
		])
		.where('a.status', '!=', 'in_progress');
	const rows = await db.selectFrom(ranked.as('r')).selectAll().where('r.rank', '<=', perMember).orderBy('r.started_at', 'desc').orderBy('r.id', 'desc').execute();
	return rows.map((r) => ({
		id: r.id,
		userId: r.user_id,
		scenarioTitle: r.title ?? r.scenario_id,
		status: r.status,
		scoreTotal: r.score_total === null ? null : Number(r.score_total),
		startedAt: r.started_at
	}));
}
