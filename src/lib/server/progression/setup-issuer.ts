import type { Kysely } from 'kysely';
import { nowIso } from '../clock';
import { saveSigningKey } from '../db/credentials';
import type { Database } from '../db/schema';
import { log } from '../log';
import { configureIssuer } from './credentials-signing';
import { loadOrCreateSigningKey } from './signing-key';

export const ISSUER_NAME = 'Rapport';

/**
 * Start-up: loads (or makes) this instance's signing key and publishes its public half in the
 * database, so the JWKS of every instance lists every key that ever signed a credential.
 */
export async function setUpCredentialIssuer(db: Kysely<Database>, dataDir: string, origin: string) {
	const key = await loadOrCreateSigningKey(dataDir, (file) => log.info('credential signing key created', { file }));
	await saveSigningKey(db, key.kid, key.publicJwk, nowIso());
	configureIssuer({ origin, name: ISSUER_NAME, key });
}
