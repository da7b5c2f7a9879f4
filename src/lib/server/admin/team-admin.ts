import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import { recordAudit } from '../db/audit-log';
import type { Database } from '../db/schema';
import { addTeamMember, createTeam, findTeamByName, listTeams, removeTeamMember, renameTeam, type Team } from '../db/teams';
import { findUserById, setRole } from '../db/users';
import { failure, ok, type Result } from '../http-errors';

export { listTeams };

export async function createTeamAudited(db: Kysely<Database>, actor: Actor, name: string): Promise<Result<Team>> {
	if (await findTeamByName(db, name)) return failure('conflict', `There is already a team called ${name}`);
	return db.transaction().execute(async (trx) => {
		const team = await createTeam(trx, name);
		await recordAudit(trx, { actorId: actor.id, action: 'team.created', subjectType: 'team', subjectId: team.id, details: { name: team.name } });
		return ok(team);
	});
}

export async function renameTeamAudited(db: Kysely<Database>, actor: Actor, teamId: string, name: string): Promise<Result<true>> {
	const clash = await findTeamByName(db, name);
	if (clash && clash.id !== teamId) return failure('conflict', `There is already a team called ${name}`);
	if (!(await renameTeam(db, teamId, name))) return failure('not-found', 'No such team');
	await recordAudit(db, { actorId: actor.id, action: 'team.renamed', subjectType: 'team', subjectId: teamId, details: { name } });
	return ok(true);
}

export type MembershipChange = 'add' | 'remove' | 'lead';

/**
 * A team's lead is a member with the team-lead role: assigning one adds them to the team and
 * promotes a learner (never demotes a trainer or admin, who can already coach or author).
 */
export async function changeMembership(db: Kysely<Database>, actor: Actor, teamId: string, userId: string, change: MembershipChange): Promise<Result<true>> {
	const [person, teams] = await Promise.all([findUserById(db, userId), listTeams(db)]);
	if (!person) return failure('not-found', 'No such person');
	if (!teams.some((t) => t.id === teamId)) return failure('not-found', 'No such team');
	await db.transaction().execute(async (trx) => {
		if (change === 'remove') await removeTeamMember(trx, teamId, userId);
		else await addTeamMember(trx, teamId, userId);
		if (change === 'lead' && person.role === 'learner') await setRole(trx, userId, 'team_lead');
		const action = change === 'add' ? 'team.member-added' : change === 'remove' ? 'team.member-removed' : 'team.lead-assigned';
		await recordAudit(trx, { actorId: actor.id, action, subjectType: 'team', subjectId: teamId, details: { userId, email: person.email } });
	});
	return ok(true);
}
