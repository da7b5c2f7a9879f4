import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { buildOpenBadgeCredential } from '../../certification/open-badge';
import type { Track } from '../../content/track-schema';
import { newId } from '../clock';
import { insertCertificate } from '../db/certifications';
import { insertCredential } from '../db/credentials';
import type { Database } from '../db/schema';
import { enqueueEarned } from '../xapi/outbox';
import { currentIssuer, signCredential } from './credentials-signing';

export interface CertificateToIssue {
	holder: { id: string; name: string; email: string };
	track: Track;
	cycle: number;
	earnedAt: string;
	expiresAt: string;
	scenarioTitle?: (id: string) => string;
}

/**
 * Issues one certificate and its signed credential, in one transaction. Returns false when that
 * cycle already exists: the unique index, not a prior read, decides, so concurrent evaluations
 * (two attempts finishing together, two instances) issue it exactly once.
 */
export async function issueCertificate(db: Kysely<Database>, c: CertificateToIssue): Promise<boolean> {
	const issuer = currentIssuer();
	return db.transaction().execute(async (trx) => {
		const certificationId = newId();
		const inserted = await insertCertificate(trx, {
			id: certificationId,
			userId: c.holder.id,
			trackId: c.track.id,
			trackVersion: c.track.version,
			cycle: c.cycle,
			earnedAt: c.earnedAt,
			expiresAt: c.expiresAt
		});
		if (!inserted) return false;
		const credentialId = newId();
		const emailSalt = randomBytes(16).toString('hex');
		const document = buildOpenBadgeCredential({
			credentialId,
			origin: issuer.origin,
			issuerName: issuer.name,
			holder: {
				id: c.holder.id,
				name: c.holder.name,
				emailSalt,
				emailHash: createHash('sha256').update(c.holder.email.toLowerCase() + emailSalt).digest('hex')
			},
			track: c.track,
			scenarioTitle: c.scenarioTitle,
			validFrom: c.earnedAt,
			validUntil: c.expiresAt
		});
		const jwt = await signCredential(document, issuer.key);
		await insertCredential(trx, { id: credentialId, certificationId, userId: c.holder.id, document, jwt, kid: issuer.key.kid, issuedAt: c.earnedAt });
		await enqueueEarned(trx, certificationId);
		return true;
	});
}
