import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprintUri, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export const SIGNING_KEY_FILE = 'credential-signing-key.jwk';

export interface SigningKey {
	/** RFC 9278 thumbprint URI: names the key the same way on every instance, with no origin in it. */
	kid: string;
	privateKey: CryptoKey;
	/** What the JWKS publishes: never contains `d`. */
	publicJwk: JWK;
}

export const publicHalf = ({ d: _d, ...rest }: JWK): JWK => ({ ...rest, alg: 'EdDSA', use: 'sig' });

async function generate(): Promise<JWK> {
	const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
	const jwk = await exportJWK(privateKey);
	return { ...jwk, kid: await calculateJwkThumbprintUri(await exportJWK(publicKey)) };
}

/**
 * The Ed25519 key credentials are signed with: made at first start and kept in the data folder
 * (readable by the app's user only), so certificates stay verifiable across restarts.
 */
export async function loadOrCreateSigningKey(dataDir: string, onCreate: (file: string) => void = () => {}): Promise<SigningKey> {
	const file = join(dataDir, SIGNING_KEY_FILE);
	if (!existsSync(file)) {
		mkdirSync(dataDir, { recursive: true });
		try {
			writeFileSync(file, JSON.stringify(await generate()) + '\n', { mode: 0o600, flag: 'wx' });
			onCreate(file);
		} catch (e) {
			// Another process created it first: use theirs.
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		}
	}
	const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
	if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d || !jwk.kid) throw new Error(`${file} is not an Ed25519 private key in JWK form`);
	return { kid: jwk.kid, privateKey: (await importJWK(jwk, 'EdDSA')) as CryptoKey, publicJwk: publicHalf(jwk) };
}
