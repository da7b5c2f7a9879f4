import type { Kysely } from 'kysely';
import { addSeconds, newId, nowIso } from '../clock';
import { preparedQuery } from './prepared-query';
import type { Database } from './schema';
import { toUser, type User } from './users';

export const SESSION_MAX_AGE_S = 12 * 60 * 60;
export const SESSION_IDLE_TIMEOUT_S = 2 * 60 * 60;
// Writing last_seen_at on every request would turn each page view into a write.
const TOUCH_AFTER_S = 60;

export async function createSession(db: Kysely<Database>, user: User, provider: string): Promise<string> {
	const at = nowIso();
	const id = newId();
	await db
		.insertInto('auth_session')
		.values({
			id,
			user_id: user.id,
			session_version: user.sessionVersion,
			provider,
			created_at: at,
			last_seen_at: at,
			expires_at: addSeconds(at, SESSION_MAX_AGE_S),
			revoked_at: null
		})
		.execute();
	return id;
}

export interface SessionHolder {
	user: User;
	teamIds: string[];
}

// Every signed-in request runs it: compiled once (see prepared-query.ts). One row per team the
// person is on (one with no team when on none), so the caller needs no second round trip for them.
const sessionRows = preparedQuery((db, sessionId: string) =>
	db
		.selectFrom('auth_session as s')
		.innerJoin('user as u', 'u.id', 's.user_id')
		.leftJoin('team_member as m', 'm.user_id', 'u.id')
		.selectAll('u')
		.select(['s.session_version as s_version', 's.last_seen_at', 's.expires_at', 's.revoked_at', 'm.team_id'])
		.where('s.id', '=', sessionId)
);

/**
 * The person behind a live session, with their teams, or undefined when the session was signed
 * out, expired, went idle, or the person was deactivated or changed (password, role) since it started.
 */
export async function resolveSession(db: Kysely<Database>, sessionId: string): Promise<SessionHolder | undefined> {
	const rows = await sessionRows(db, sessionId);
	const [row] = rows;
	if (!row || row.revoked_at) return undefined;
	const now = nowIso();
	const user = toUser(row);
	const stale = Number(row.s_version) !== user.sessionVersion;
	const idle = addSeconds(row.last_seen_at, SESSION_IDLE_TIMEOUT_S) < now;
	if (stale || idle || row.expires_at < now || !user.active) return undefined;
	if (addSeconds(row.last_seen_at, TOUCH_AFTER_S) < now) {
		await db.updateTable('auth_session').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
	}
	return { user, teamIds: rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id])) };
}

export async function revokeSession(db: Kysely<Database>, sessionId: string) {
	await db.updateTable('auth_session').set({ revoked_at: nowIso() }).where('id', '=', sessionId).execute();
}
