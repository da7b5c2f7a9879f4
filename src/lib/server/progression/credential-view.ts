import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import { can } from '../access';
import { nowIso } from '../clock';
import { revokeCertificate } from '../db/certifications';
import { findCredential, listCredentials, listSigningKeys, type StoredCredential } from '../db/credentials';
import { recordAudit } from '../db/audit-log';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';

export type CredentialStatus = 'valid' | 'expired' | 'revoked';

export const credentialStatus = (c: Pick<StoredCredential, 'expiresAt' | 'revokedAt'>, now: string): CredentialStatus =>
	c.revokedAt ? 'revoked' : now >= c.expiresAt ? 'expired' : 'valid';

type Achievement = { name: string; description: string; criteria: { narrative: string }; alignment: { targetName: string; targetCode: string }[] };

export interface CredentialView {
	id: string;
	holderName: string;
	achievement: { name: string; description: string; criteria: string[]; skills: string[] };
	issuerName: string;
	issuedAt: string;
	expiresAt: string;
	status: CredentialStatus;
	revokedAt: string | null;
	revokedReason: string | null;
	kid: string;
}

/** What the public verification page shows: read from the signed document, status from the database. */
export async function credentialView(db: Kysely<Database>, id: string): Promise<CredentialView | undefined> {
	const c = await findCredential(db, id);
	if (!c) return undefined;
	const subject = c.document.credentialSubject as { achievement: Achievement };
	const issuer = c.document.issuer as { name: string };
	return {
		id: c.id,
		holderName: c.holderName,
		achievement: {
			name: subject.achievement.name,
			description: subject.achievement.description,
			criteria: subject.achievement.criteria.narrative.split('\n').map((line) => line.replace(/^- /, '')),
			skills: subject.achievement.alignment.map((a) => a.targetName)
		},
		issuerName: issuer.name,
		issuedAt: c.issuedAt,
		expiresAt: c.expiresAt,
		status: credentialStatus(c, nowIso()),
		revokedAt: c.revokedAt,
		revokedReason: c.revokedReason,
		kid: c.kid
	};
}

export const credentialDocument = async (db: Kysely<Database>, id: string) => (await findCredential(db, id))?.document;

export const credentialJwt = async (db: Kysely<Database>, id: string) => (await findCredential(db, id))?.jwt;

/** Every public key that ever signed a credential, as a JWK Set. */
export const publishedJwks = async (db: Kysely<Database>) => ({ keys: await listSigningKeys(db) });

export async function credentialsForAdmin(db: Kysely<Database>) {
	const now = nowIso();
	return (await listCredentials(db)).map((c) => ({ ...c, status: credentialStatus(c, now) }));
}

/**
 * Revokes a credential (its certification) with a reason. The signed document cannot change, so
 * revocation is a fact the verification page reports, and the learner has to earn the track anew.
 */
export async function revokeCredential(db: Kysely<Database>, actor: Actor, id: string, reason: string): Promise<Result<{ revoked: true }>> {
	if (!can(actor, 'administer')) return failure('forbidden', 'Only admins can revoke credentials');
	const credential = await findCredential(db, id);
	if (!credential) return failure('not-found', 'No such credential');
	if (!(await revokeCertificate(db, credential.certificationId, actor.id, reason, nowIso()))) return failure('conflict', 'This credential is already revoked');
	await recordAudit(db, { actorId: actor.id, action: 'credential.revoke', subjectType: 'credential', subjectId: id, details: { reason } });
	return ok({ revoked: true });
}
