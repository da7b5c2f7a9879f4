import { sql, type Kysely } from 'kysely';
import type { ScenarioFacts } from '../../assignments/assignee-status';
import type { AssignmentKind, AssignmentRow, AssignmentTargetType } from './assignment-schema';
import type { Database } from './schema';

export interface AssignmentTarget {
	type: AssignmentTargetType;
	id: string;
}

export interface Assignment {
	id: string;
	kind: AssignmentKind;
	contentId: string;
	dueOn: string;
	note: string;
	createdBy: string;
	createdAt: string;
	cancelledAt: string | null;
	cancelledBy: string | null;
	targets: AssignmentTarget[];
}

export type NewAssignment = Omit<Assignment, 'cancelledAt' | 'cancelledBy'>;

/** Whose attempts or certificates to read: the members of some teams plus some people. */
export interface PeopleScope {
	teamIds: string[];
	userIds: string[];
}

const toAssignment = (row: AssignmentRow, targets: AssignmentTarget[]): Assignment => ({
	id: row.id,
	kind: row.content_kind,
	contentId: row.content_id,
	dueOn: row.due_on,
	note: row.note,
	createdBy: row.created_by,
	createdAt: row.created_at,
	cancelledAt: row.cancelled_at,
	cancelledBy: row.cancelled_by,
	targets
});

/** Two statements; the caller runs them in its transaction with the audit entry. */
export async function insertAssignment(db: Kysely<Database>, a: NewAssignment) {
	await db
		.insertInto('assignment')
		.values({ id: a.id, content_kind: a.kind, content_id: a.contentId, due_on: a.dueOn, note: a.note, created_by: a.createdBy, created_at: a.createdAt })
		.execute();
	await db
		.insertInto('assignment_target')
		.values(a.targets.map((t) => ({ assignment_id: a.id, target_type: t.type, target_id: t.id })))
		.execute();
}

/** False when it was already cancelled (or does not exist): cancelling twice changes nothing. */
export async function markCancelled(db: Kysely<Database>, id: string, by: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('assignment')
		.set({ cancelled_at: at, cancelled_by: by })
		.where('id', '=', id)
		.where('cancelled_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Rows to assignments, with every target fetched in one more query. */
async function withTargets(db: Kysely<Database>, rows: AssignmentRow[]): Promise<Assignment[]> {
	if (rows.length === 0) return [];
	const targets = await db
		.selectFrom('assignment_target')
		.selectAll()
		.where('assignment_id', 'in', rows.map((r) => r.id))
		.execute();
	const byAssignment = new Map<string, typeof targets>();
	for (const t of targets) byAssignment.set(t.assignment_id, [...(byAssignment.get(t.assignment_id) ?? []), t]);
	return rows.map((row) => toAssignment(row, (byAssignment.get(row.id) ?? []).map((t) => ({ type: t.target_type, id: t.target_id }))));
}

export async function findAssignment(db: Kysely<Database>, id: string): Promise<Assignment | undefined> {
	const row = await db.selectFrom('assignment').selectAll().where('id', '=', id).executeTakeFirst();
	return row && (await withTargets(db, [row]))[0];
}

/**
 * Newest first. `teamIds` narrows to assignments that reach those teams: a target that is one of
 * them, or a person on one of them (what a team lead may see).
 */
export async function listAssignments(
	db: Kysely<Database>,
	within: { teamIds: string[] } | 'everyone',
	filter: { openAndDueBefore?: string } = {},
	limit = 200
): Promise<Assignment[]> {
	let query = db.selectFrom('assignment').selectAll();
	if (filter.openAndDueBefore) query = query.where('cancelled_at', 'is', null).where('due_on', '<', filter.openAndDueBefore);
	if (within !== 'everyone') {
		if (within.teamIds.length === 0) return [];
		const { teamIds } = within;
		query = query.where('id', 'in', (eb) =>
			eb
				.selectFrom('assignment_target')
				.select('assignment_id')
				.where((t) =>
					t.or([
						t.and([t('target_type', '=', 'team'), t('target_id', 'in', teamIds)]),
						t.and([t('target_type', '=', 'user'), t('target_id', 'in', t.selectFrom('team_member').select('user_id').where('team_id', 'in', teamIds))])
					])
				)
		);
	}
	const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
	return withTargets(db, rows);
}

/** The open (not cancelled) assignments that reach this person, directly or through their teams. */
export async function openAssignmentsReaching(db: Kysely<Database>, userId: string, teamIds: string[]): Promise<Assignment[]> {
	const rows = await db
		.selectFrom('assignment')
		.selectAll()
		.where('cancelled_at', 'is', null)
		.where('id', 'in', (eb) =>
			eb
				.selectFrom('assignment_target')
				.select('assignment_id')
				.where((t) =>
					t.or([
						t.and([t('target_type', '=', 'user'), t('target_id', '=', userId)]),
						...(teamIds.length ? [t.and([t('target_type', '=', 'team'), t('target_id', 'in', teamIds)])] : [])
					])
				)
		)
		.orderBy('due_on')
		.orderBy('created_at')
		.execute();
	return withTargets(db, rows);
}

export interface Assignee {
	userId: string;
	name: string;
	email: string;
	/** Null when reached directly rather than through a team. */
	teamId: string | null;
}

/**
 * The people the targets reach now: each team's active learners (its lead and trainers on it are
 * not its trainees), and each person named directly while active. Two queries for any number of targets.
 */
export async function peopleReachedBy(db: Kysely<Database>, targets: readonly AssignmentTarget[]): Promise<Assignee[]> {
	const teamIds = [...new Set(targets.filter((t) => t.type === 'team').map((t) => t.id))];
	const userIds = [...new Set(targets.filter((t) => t.type === 'user').map((t) => t.id))];
	const [members, people] = await Promise.all([
		teamIds.length
			? db
					.selectFrom('team_member as m')
					.innerJoin('user as u', 'u.id', 'm.user_id')
					.select(['u.id as userId', 'u.name', 'u.email', 'm.team_id as teamId'])
					.where('m.team_id', 'in', teamIds)
					.where('u.active', '=', 1)
					.where('u.role', '=', 'learner')
					.execute()
			: [],
		userIds.length
			? db.selectFrom('user').select(['id as userId', 'name', 'email']).where('id', 'in', userIds).where('active', '=', 1).execute()
			: []
	]);
	return [...members, ...people.map((p) => ({ ...p, teamId: null }))];
}

/** The scope's user ids as a subquery, so ten thousand team members never become ten thousand parameters. */
function usersIn(db: Kysely<Database>, scope: PeopleScope) {
	const members = db.selectFrom('team_member').select('user_id').where('team_id', 'in', scope.teamIds);
	const named = db.selectFrom('user').select('id as user_id').where('id', 'in', scope.userIds);
	if (scope.teamIds.length && scope.userIds.length) return members.union(named);
	return scope.teamIds.length ? members : named;
}

const isEmpty = (scope: PeopleScope) => scope.teamIds.length === 0 && scope.userIds.length === 0;

const factsKey = (userId: string, contentId: string) => `${userId} ${contentId}`;

/**
 * One grouped query for any number of people and scenarios: each person's latest start of a passed,
 * a failed and an unfinished attempt per scenario. Play-tests never count.
 */
export async function scenarioFactsFor(
	db: Kysely<Database>,
	scenarioIds: string[],
	scope: PeopleScope,
	/** The earliest assignment's creation: older attempts never count, so they are not read. */
	since: string
): Promise<(userId: string, scenarioId: string) => ScenarioFacts | undefined> {
	if (scenarioIds.length === 0 || isEmpty(scope)) return () => undefined;
	const rows = await db
		.selectFrom('attempt')
		.select([
			'user_id',
			'scenario_id',
			sql<string | null>`max(case when status = 'passed' then started_at end)`.as('last_passed'),
			sql<string | null>`max(case when status = 'failed' then started_at end)`.as('last_failed'),
			sql<string | null>`max(case when status in ('in_progress', 'abandoned') then started_at end)`.as('last_unfinished')
		])
		.where('scenario_id', 'in', scenarioIds)
		.where('is_playtest', '=', 0)
		.where('user_id', 'in', usersIn(db, scope))
		.where('started_at', '>=', since)
		.groupBy(['user_id', 'scenario_id'])
		.execute();
	const facts = new Map(
		rows.map((r) => [factsKey(r.user_id, r.scenario_id), { lastPassedStart: r.last_passed, lastFailedStart: r.last_failed, lastUnfinishedStart: r.last_unfinished }])
	);
	return (userId, scenarioId) => facts.get(factsKey(userId, scenarioId));
}

/** Who holds a current (unexpired, unrevoked) certification on each track, in one query. */
export async function certifiedFor(db: Kysely<Database>, trackIds: string[], scope: PeopleScope, now: string): Promise<(userId: string, trackId: string) => boolean> {
	if (trackIds.length === 0 || isEmpty(scope)) return () => false;
	const rows = await db
		.selectFrom('certification')
		.select(['user_id', 'track_id'])
		.distinct()
		.where('track_id', 'in', trackIds)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now)
		.where('user_id', 'in', usersIn(db, scope))
		.execute();
	const held = new Set(rows.map((r) => factsKey(r.user_id, r.track_id)));
	return (userId, trackId) => held.has(factsKey(userId, trackId));
}
