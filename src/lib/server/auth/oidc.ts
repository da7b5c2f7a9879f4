import type { Kysely } from 'kysely';
import type { Provider } from '@auth/sveltekit/providers';
import type { AppConfig } from '../config';
import type { Database } from '../db/schema';
import { createUser, findUserByEmail, type User } from '../db/users';

export const oidcProvider = (oidc: NonNullable<AppConfig['oidc']>): Provider => ({
	id: 'oidc',
	name: 'Single sign-on',
	type: 'oidc',
	issuer: oidc.issuer,
	clientId: oidc.clientId,
	clientSecret: oidc.clientSecret,
	checks: ['pkce', 'state', 'nonce'],
	// Read email and name from the UserInfo endpoint: OIDC Core (5.4) returns scope claims there
	// when an access token is issued, and conformant providers leave them out of the ID token.
	// The ID token is still validated (signature, nonce) and its `sub` must match UserInfo's.
	idToken: false
});

/**
 * The Rapport account for a person signing in through the organisation's identity provider:
 * matched by email, created as a learner on first sign-in, refused when deactivated.
 */
export async function userForOidcProfile(
	db: Kysely<Database>,
	email: string | null | undefined,
	name: string | null | undefined
): Promise<User | undefined> {
	if (!email) return undefined;
	const found = await findUserByEmail(db, email);
	if (found) return found.user.active ? found.user : undefined;
	return createUser(db, { email, name: name || email.split('@')[0], role: 'learner' });
}
