import type { Kysely } from 'kysely';
import type { CertificateRecord } from '../../certification/records';
import type { Database } from './schema';

export interface Certificate extends CertificateRecord {
	userId: string;
	trackVersion: number;
	revokedReason: string | null;
}

/** This learner's certificates on every track, each with the id of its credential. */
export async function listCertificatesOf(db: Kysely<Database>, userId: string): Promise<Certificate[]> {
	const rows = await db
		.selectFrom('certification')
		.leftJoin('credential', 'credential.certification_id', 'certification.id')
		.selectAll('certification')
		.select('credential.id as credential_id')
		.where('certification.user_id', '=', userId)
		.orderBy('certification.track_id')
		.orderBy('certification.cycle')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		userId: r.user_id,
		trackId: r.track_id,
		trackVersion: Number(r.track_version),
		cycle: Number(r.cycle),
		earnedAt: r.earned_at,
		expiresAt: r.expires_at,
		revokedAt: r.revoked_at,
		revokedReason: r.revoked_reason,
		credentialId: r.credential_id
	}));
}

export interface NewCertificate {
	id: string;
	userId: string;
	trackId: string;
	trackVersion: number;
	cycle: number;
	earnedAt: string;
	expiresAt: string;
}

/**
 * False when that cycle of that track is already issued: the unique index on (user, track, cycle)
 * is what makes issuing at most once, even for evaluations racing on two instances.
 */
export async function insertCertificate(trx: Kysely<Database>, c: NewCertificate): Promise<boolean> {
	const result = await trx
		.insertInto('certification')
		.values({
			id: c.id,
			user_id: c.userId,
			track_id: c.trackId,
			track_version: c.trackVersion,
			cycle: c.cycle,
			earned_at: c.earnedAt,
			expires_at: c.expiresAt,
			revoked_at: null,
			revoked_by: null,
			revoked_reason: null
		})
		.onConflict((oc) => oc.columns(['user_id', 'track_id', 'cycle']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** True when this call revoked it; a certificate is revoked once, and the first reason stands. */
export async function revokeCertificate(db: Kysely<Database>, id: string, by: string, reason: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('certification')
		.set({ revoked_at: at, revoked_by: by, revoked_reason: reason })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
