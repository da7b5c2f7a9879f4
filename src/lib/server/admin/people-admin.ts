import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../db/audit-log';
import type { Database, Role } from '../db/schema';
import { addTeamMember, listMemberships } from '../db/teams';
import { countOtherActiveAdmins, createUser, findUserByEmail, findUserById, listUsers, setActive, setRole, type User } from '../db/users';
import { failure, ok, type Result } from '../http-errors';
import { temporaryPassword } from './temporary-password';

export interface PersonRow extends User {
	teams: { id: string; name: string }[];
}

/** Everyone with their teams: two queries, grouped in memory. */
export async function listPeople(db: Kysely<Database>): Promise<PersonRow[]> {
	const [users, memberships] = await Promise.all([listUsers(db), listMemberships(db)]);
	return users.map((u) => ({
		...u,
		teams: memberships.filter((m) => m.userId === u.id).map((m) => ({ id: m.teamId, name: m.teamName }))
	}));
}

export interface Invite {
	email: string;
	name: string;
	role: Role;
	teamId?: string;
}

/** Creates the person with a temporary password, which is returned once and never stored in clear. */
export async function invitePerson(db: Kysely<Database>, actor: Actor, invite: Invite): Promise<Result<{ user: User; temporaryPassword: string }>> {
	if (await findUserByEmail(db, invite.email)) return failure('conflict', `${invite.email} already has an account`);
	const password = temporaryPassword();
	const passwordHash = await hashPassword(password);
	const user = await db.transaction().execute(async (trx) => {
		const created = await createUser(trx, { ...invite, passwordHash });
		if (invite.teamId) await addTeamMember(trx, invite.teamId, created.id);
		await recordAudit(trx, { actorId: actor.id, action: 'user.invited', subjectType: 'user', subjectId: created.id, details: { email: created.email, role: created.role, teamId: invite.teamId ?? null } });
		return created;
	});
	return ok({ user, temporaryPassword: password });
}

/** Someone must always be able to administer: the last active admin keeps the role and stays active. */
async function keepsAnAdmin(db: Kysely<Database>, target: User, after: { role: Role; active: boolean }) {
	const stillAdmin = after.role === 'admin' && after.active;
	if (target.role !== 'admin' || !target.active || stillAdmin) return true;
	return (await countOtherActiveAdmins(db, target.id)) > 0;
}

export async function changeRole(db: Kysely<Database>, actor: Actor, userId: string, role: Role): Promise<Result<User>> {
	const target = await findUserById(db, userId);
	if (!target) return failure('not-found', 'No such person');
	if (target.role === role) return ok(target);
	if (!(await keepsAnAdmin(db, target, { role, active: target.active }))) return failure('conflict', 'Keep at least one active admin: make someone else admin first');
	await db.transaction().execute(async (trx) => {
		await setRole(trx, userId, role);
		await recordAudit(trx, { actorId: actor.id, action: 'user.role-changed', subjectType: 'user', subjectId: userId, details: { from: target.role, to: role } });
	});
	return ok({ ...target, role });
}

/** Deactivation ends the person's sessions at once (setActive bumps session_version). */
export async function changeActive(db: Kysely<Database>, actor: Actor, userId: string, active: boolean): Promise<Result<User>> {
	const target = await findUserById(db, userId);
	if (!target) return failure('not-found', 'No such person');
	if (target.active === active) return ok(target);
	if (!active && target.id === actor.id) return failure('conflict', 'You cannot deactivate yourself');
	if (!(await keepsAnAdmin(db, target, { role: target.role, active }))) return failure('conflict', 'Keep at least one active admin');
	await db.transaction().execute(async (trx) => {
		await setActive(trx, userId, active);
		await recordAudit(trx, { actorId: actor.id, action: active ? 'user.reactivated' : 'user.deactivated', subjectType: 'user', subjectId: userId, details: { email: target.email } });
	});
	return ok({ ...target, active });
}
