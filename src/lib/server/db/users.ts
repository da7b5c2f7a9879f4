import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { Database, Role, UserRow } from './schema';

export interface User {
	id: string;
	email: string;
	name: string;
	role: Role;
	active: boolean;
	sessionVersion: number;
	leaderboardOptOut: boolean;
	hasPassword: boolean;
	createdAt: string;
}

export const toUser = (row: UserRow): User => ({
	id: row.id,
	email: row.email,
	name: row.name,
	role: row.role,
	active: Number(row.active) === 1,
	sessionVersion: Number(row.session_version),
	leaderboardOptOut: Number(row.leaderboard_opt_out) === 1,
	hasPassword: row.password_hash !== null,
	createdAt: row.created_at
});

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
	const row = await db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toUser(row);
}

export async function findUserByEmail(db: Kysely<Database>, email: string) {
	const row = await db.selectFrom('user').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
	return row && { user: toUser(row), passwordHash: row.password_hash };
}

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	passwordHash?: string | null;
}

const newUserRow = (input: NewUser, at: string) => ({
	id: newId(),
	email: normaliseEmail(input.email),
	name: input.name.trim(),
	role: input.role,
	password_hash: input.passwordHash ?? null,
	active: 1,
	session_version: 1,
	leaderboard_opt_out: 0,
	created_at: at,
	updated_at: at
});

export async function createUser(db: Kysely<Database>, input: NewUser): Promise<User> {
	const row = newUserRow(input, nowIso());
	await db.insertInto('user').values(row).execute();
	return toUser(row);
}

/** Several people in one statement (a cohort import). */
export async function createUsers(db: Kysely<Database>, inputs: NewUser[]): Promise<User[]> {
	if (inputs.length === 0) return [];
	const at = nowIso();
	const rows = inputs.map((input) => newUserRow(input, at));
	await db.insertInto('user').values(rows).execute();
	return rows.map(toUser);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
	const rows = await db.selectFrom('user').selectAll().orderBy('name').execute();
	return rows.map(toUser);
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
	const { n } = await db.selectFrom('user').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
	return Number(n);
}

// Each change below bumps session_version, which ends every session of the user at once.
export async function setPassword(db: Kysely<Database>, userId: string, passwordHash: string) {
	await db
		.updateTable('user')
		.set((eb) => ({ password_hash: passwordHash, session_version: eb('session_version', '+', 1), updated_at: nowIso() }))
		.where('id', '=', userId)
		.execute();
}

export async function setRole(db: Kysely<Database>, userId: string, role: Role) {
	await db
		.updateTable('user')
		.set((eb) => ({ role, session_version: eb('session_version', '+', 1), updated_at: nowIso() }))
		.where('id', '=', userId)
		.execute();
}

export async function setActive(db: Kysely<Database>, userId: string, active: boolean) {
	await db
		.updateTable('user')
		.set((eb) => ({ active: active ? 1 : 0, session_version: eb('session_version', '+', 1), updated_at: nowIso() }))
		.where('id', '=', userId)
		.execute();
}

/** Whether the person appears on leaderboards (no session change: it is not a security setting). */
export async function setLeaderboardOptOut(db: Kysely<Database>, userId: string, optOut: boolean) {
	await db.updateTable('user').set({ leaderboard_opt_out: optOut ? 1 : 0, updated_at: nowIso() }).where('id', '=', userId).execute();
}

/** Active admins other than `exceptId`: the last one may not lock everyone out. */
export async function countOtherActiveAdmins(db: Kysely<Database>, exceptId: string): Promise<number> {
	const { n } = await db
		.selectFrom('user')
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.where('role', '=', 'admin')
		.where('active', '=', 1)
		.where('id', '!=', exceptId)
		.executeTakeFirstOrThrow();
	return Number(n);
}

/** These people by name, as listUsers orders everyone; unknown ids are left out. */
export async function findUsersByEmails(db: Kysely<Database>, emails: string[]): Promise<User[]> {
	if (emails.length === 0) return [];
	const rows = await db.selectFrom('user').selectAll().where('email', 'in', emails.map(normaliseEmail)).execute();
	return rows.map(toUser);
}
