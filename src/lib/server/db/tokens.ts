import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { Database, PersonalAccessTokenRow } from './schema';
import { toUser, type User } from './users';
import { preparedQuery } from './prepared-query';

const PREFIX = 'rpt_';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface TokenSummary {
	id: string;
	name: string;
	prefix: string;
	createdAt: string;
	lastUsedAt: string | null;
	revokedAt: string | null;
}

/** Returns the secret once; only its hash is stored. */
export async function createAccessToken(db: Kysely<Database>, userId: string, name: string) {
	const secret = PREFIX + randomBytes(24).toString('base64url');
	const row = {
		id: newId(),
		user_id: userId,
		name: name.trim(),
		token_hash: hashToken(secret),
		token_prefix: secret.slice(0, PREFIX.length + 6),
		created_at: nowIso(),
		last_used_at: null,
		revoked_at: null
	};
	await db.insertInto('personal_access_token').values(row).execute();
	return { id: row.id, secret };
}

type TokenSummaryRow = Pick<PersonalAccessTokenRow, 'id' | 'name' | 'token_prefix' | 'created_at' | 'last_used_at' | 'revoked_at'>;

/** What a person (or an admin) may see of a token: never its hash. */
const toTokenSummary = (r: TokenSummaryRow): TokenSummary => ({
	id: r.id,
	name: r.name,
	prefix: r.token_prefix,
	createdAt: r.created_at,
	lastUsedAt: r.last_used_at,
	revokedAt: r.revoked_at
});

export async function listAccessTokens(db: Kysely<Database>, userId: string): Promise<TokenSummary[]> {
	const rows = await db
		.selectFrom('personal_access_token')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map(toTokenSummary);
}

/** Revokes only the owner's token; returns false when there is no such live token of theirs. */
export async function revokeAccessToken(db: Kysely<Database>, userId: string, tokenId: string) {
	const result = await db
		.updateTable('personal_access_token')
		.set({ revoked_at: nowIso() })
		.where('id', '=', tokenId)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

// Every API call runs it: compiled once (see prepared-query.ts). One row per team the holder is on
// (one with no team when on none), so the caller needs no second round trip for the teams.
const holderByTokenHash = preparedQuery((db, tokenHash: string) =>
	db
		.selectFrom('personal_access_token as t')
		.innerJoin('user as u', 'u.id', 't.user_id')
		.leftJoin('team_member as m', 'm.user_id', 'u.id')
		.selectAll('u')
		.select(['t.id as token_id', 't.last_used_at', 'm.team_id'])
		.where('t.token_hash', '=', tokenHash)
		.where('t.revoked_at', 'is', null)
);

export interface TokenHolder {
	user: User;
	teamIds: string[];
}

/** The active person a live token belongs to, with their teams; undefined for anything else. */
export async function holderOfAccessToken(db: Kysely<Database>, secret: string): Promise<TokenHolder | undefined> {
	if (!secret.startsWith(PREFIX)) return undefined;
	const rows = await holderByTokenHash(db, hashToken(secret));
	const [row] = rows;
	if (!row || Number(row.active) !== 1) return undefined;
	const now = nowIso();
	// Hourly is precise enough for "last used" and keeps API reads free of writes.
	if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 3_600_000) {
		await db.updateTable('personal_access_token').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
	}
	return { user: toUser(row), teamIds: rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id])) };
}

/** Every person's tokens, for the admin overview; never the hash. */
export async function listAllAccessTokens(db: Kysely<Database>) {
	const rows = await db
		.selectFrom('personal_access_token as t')
		.innerJoin('user as u', 'u.id', 't.user_id')
		.select(['t.id', 't.name', 't.token_prefix', 't.created_at', 't.last_used_at', 't.revoked_at', 'u.name as owner_name', 'u.email as owner_email'])
		.orderBy('t.created_at', 'desc')
		.execute();
	return rows.map((r) => ({ ...toTokenSummary(r), ownerName: r.owner_name, ownerEmail: r.owner_email }));
}

/** An admin revokes anyone's live token; returns its owner's id, or undefined when there is none. */
export async function revokeAnyAccessToken(db: Kysely<Database>, tokenId: string): Promise<string | undefined> {
	const row = await db.selectFrom('personal_access_token').select('user_id').where('id', '=', tokenId).where('revoked_at', 'is', null).executeTakeFirst();
	if (!row) return undefined;
	await db.updateTable('personal_access_token').set({ revoked_at: nowIso() }).where('id', '=', tokenId).execute();
	return row.user_id;
}
