import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface NewCredential {
	id: string;
	certificationId: string;
	userId: string;
	document: unknown;
	jwt: string;
	kid: string;
	issuedAt: string;
}

export async function insertCredential(trx: Kysely<Database>, c: NewCredential) {
	await trx
		.insertInto('credential')
		.values({
			id: c.id,
			certification_id: c.certificationId,
			user_id: c.userId,
			document: JSON.stringify(c.document),
			jwt: c.jwt,
			kid: c.kid,
			issued_at: c.issuedAt
		})
		.execute();
}

/** A credential with what its public page shows: holder, track, dates and revocation. */
export interface StoredCredential {
	id: string;
	certificationId: string;
	userId: string;
	holderName: string;
	trackId: string;
	cycle: number;
	document: Record<string, unknown>;
	jwt: string;
	kid: string;
	issuedAt: string;
	expiresAt: string;
	revokedAt: string | null;
	revokedReason: string | null;
}

const credentialQuery = (db: Kysely<Database>) =>
	db
		.selectFrom('credential')
		.innerJoin('certification', 'certification.id', 'credential.certification_id')
		.innerJoin('user', 'user.id', 'credential.user_id')
		.select([
			'credential.id',
			'credential.certification_id',
			'credential.user_id',
			'credential.document',
			'credential.jwt',
			'credential.kid',
			'credential.issued_at',
			'user.name as holder_name',
			'certification.track_id',
			'certification.cycle',
			'certification.expires_at',
			'certification.revoked_at',
			'certification.revoked_reason'
		]);

type CredentialRow = Awaited<ReturnType<ReturnType<typeof credentialQuery>['executeTakeFirstOrThrow']>>;

const toStoredCredential = (r: CredentialRow): StoredCredential => ({
	id: r.id,
	certificationId: r.certification_id,
	userId: r.user_id,
	holderName: r.holder_name,
	trackId: r.track_id,
	cycle: Number(r.cycle),
	document: JSON.parse(r.document),
	jwt: r.jwt,
	kid: r.kid,
	issuedAt: r.issued_at,
	expiresAt: r.expires_at,
	revokedAt: r.revoked_at,
	revokedReason: r.revoked_reason
});

export async function findCredential(db: Kysely<Database>, id: string): Promise<StoredCredential | undefined> {
	const row = await credentialQuery(db).where('credential.id', '=', id).executeTakeFirst();
	return row && toStoredCredential(row);
}

/** The newest credentials first, for the admins' list. */
export async function listCredentials(db: Kysely<Database>, limit = 100): Promise<StoredCredential[]> {
	const rows = await credentialQuery(db).orderBy('credential.issued_at', 'desc').limit(limit).execute();
	return rows.map(toStoredCredential);
}

export async function saveSigningKey(db: Kysely<Database>, kid: string, publicJwk: object, at: string) {
	await db
		.insertInto('signing_key')
		.values({ kid, public_jwk: JSON.stringify(publicJwk), created_at: at })
		.onConflict((oc) => oc.column('kid').doNothing())
		.execute();
}

export async function listSigningKeys(db: Kysely<Database>): Promise<Record<string, unknown>[]> {
	const rows = await db.selectFrom('signing_key').select('public_jwk').orderBy('created_at').execute();
	return rows.map((r) => JSON.parse(r.public_jwk));
}
