import { SignJWT } from 'jose';
import { jwtClaimsOf, type OpenBadgeCredential } from '../../certification/open-badge';
import type { SigningKey } from './signing-key';

export interface Issuer {
	/** Where the app is reached; credential, issuer and achievement ids are URLs under it. */
	origin: string;
	name: string;
	key: SigningKey;
}

let configured: Issuer | undefined;

/** Set once at start-up (and by tests), before anything can be issued. */
export const configureIssuer = (issuer: Issuer) => {
	configured = issuer;
};

export function currentIssuer(): Issuer {
	if (!configured) throw new Error('The credential issuer is not configured');
	return configured;
}

/**
 * The credential as a compact VC-JWT (Open Badges 3.0, JSON Web Token proof): the payload is the
 * credential itself plus the registered claims mirroring it, signed with EdDSA (Ed25519) by jose.
 */
export async function signCredential(credential: OpenBadgeCredential, key: SigningKey = currentIssuer().key): Promise<string> {
	return new SignJWT({ ...credential, ...jwtClaimsOf(credential) })
		.setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
		.sign(key.privateKey);
}
