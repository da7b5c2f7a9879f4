import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { Database } from './schema';

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

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
	return db.selectFrom('team').select(['id', 'name']).orderBy('name').execute();
}

export async function teamIdsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
	const rows = await db.selectFrom('team_member').select('team_id').where('user_id', '=', userId).execute();
	return rows.map((r) => r.team_id);
}

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
