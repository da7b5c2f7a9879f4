import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { Database } from './schema';
import { preparedQuery } from './prepared-query';

export interface Team {
	id: string;
	name: string;
}

export async function createTeam(db: Kysely<Database>, name: string): Promise<Team> {
	const team = { id: newId(), name: name.trim(), created_at: nowIso() };
	await db.insertInto('team').values(team).execute();
	return { id: team.id, name: team.name };
}

export async function addTeamMember(db: Kysely<Database>, teamId: string, userId: string) {
	await db
		.insertInto('team_member')
		.values({ team_id: teamId, user_id: userId })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

/** Many memberships in one statement; existing ones are left as they are. */
export async function addTeamMembers(db: Kysely<Database>, members: { teamId: string; userId: string }[]) {
	if (members.length === 0) return;
	await db
		.insertInto('team_member')
		.values(members.map((m) => ({ team_id: m.teamId, user_id: m.userId })))
		.onConflict((oc) => oc.doNothing())
		.execute();
}

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
	return db.selectFrom('team').select(['id', 'name']).orderBy('name').execute();
}

// Every signed-in request reads it: compiled once (see prepared-query.ts).
const teamIdsOfUser = preparedQuery((db, userId: string) => db.selectFrom('team_member').select('team_id').where('user_id', '=', userId));

export async function teamIdsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
	const rows = await teamIdsOfUser(db, userId);
	return rows.map((r) => r.team_id);
}

/** Whose records a team report covers: the members of some teams. Never the whole organisation: an admin reads a team at a time. */
export type TeamScope = { teamIds: readonly string[] };

/**
 * The scope's people as a subquery, so a report reads them in the same statement instead of
 * asking for their ids first: one round trip fewer, which PostgreSQL pays for. Not for an empty
 * list of teams (`in ()` is not SQL): the caller has nothing to read then.
 */
export const membersOf = (db: Kysely<Database>, scope: TeamScope) =>
	db.selectFrom('team_member as scope').select('scope.user_id').where('scope.team_id', 'in', [...scope.teamIds]);

/** Members of the given teams, each once. */
export async function memberIdsOf(db: Kysely<Database>, teamIds: string[]): Promise<string[]> {
	if (teamIds.length === 0) return [];
	const rows = await db
		.selectFrom('team_member')
		.select('user_id')
		.distinct()
		.where('team_id', 'in', teamIds)
		.execute();
	return rows.map((r) => r.user_id);
}

export async function teamNames(db: Kysely<Database>, teamIds: readonly string[]): Promise<string[]> {
	if (teamIds.length === 0) return [];
	const rows = await db.selectFrom('team').select('name').where('id', 'in', [...teamIds]).orderBy('name').execute();
	return rows.map((r) => r.name);
}

export async function renameTeam(db: Kysely<Database>, teamId: string, name: string): Promise<boolean> {
	const result = await db.updateTable('team').set({ name: name.trim() }).where('id', '=', teamId).executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function removeTeamMember(db: Kysely<Database>, teamId: string, userId: string): Promise<boolean> {
	const result = await db.deleteFrom('team_member').where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function findTeamByName(db: Kysely<Database>, name: string): Promise<Team | undefined> {
	return db.selectFrom('team').select(['id', 'name']).where('name', '=', name.trim()).executeTakeFirst();
}

/** Every membership (or only those of a team scope's people), with the team's name: one query, grouped by the caller. */
export async function listMemberships(db: Kysely<Database>, scope?: TeamScope) {
	let query = db
		.selectFrom('team_member as m')
		.innerJoin('team as t', 't.id', 'm.team_id')
		.select(['m.team_id as teamId', 'm.user_id as userId', 't.name as teamName']);
	if (scope) query = query.where('m.user_id', 'in', membersOf(db, scope));
	return query.orderBy('t.name').execute();
}
