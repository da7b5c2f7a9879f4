import { SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import Credentials from '@auth/sveltekit/providers/credentials';
import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { app } from '../app';
import { recordAudit } from '../db/audit-log';
import { createSession, resolveSession, revokeSession, SESSION_MAX_AGE_S } from '../db/sessions';
import { findUserById } from '../db/users';
import { log } from '../log';
import { actorOf } from './actor';
import { checkCredentials } from './check-credentials';
import { clientAddress, noteSignInResult, signInWaitS } from './sign-in-limiter';
import { oidcProvider, userForOidcProfile } from './oidc';

const CredentialsInput = z.object({ email: z.email().max(320), password: z.string().min(1).max(1024) });

/**
 * Auth.js with JWT cookies, backed by a server-side session row: the JWT only carries the session
 * id, and every request checks that row (sign-out, expiry, idle time, session version), so a
 * cookie replayed after sign-out or a password change is refused.
 */
function authConfig(event: RequestEvent): SvelteKitAuthConfig {
	const { config, database } = app();
	const db = database.db;
	return {
		secret: config.authSecret ?? app().authSecret,
		trustHost: true,
		basePath: '/auth',
		session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
		pages: { signIn: '/signin', error: '/signin', signOut: '/signin' },
		logger: {
			error: (e) => log.warn('auth error', { kind: e.name }),
			warn: () => {},
			debug: () => {}
		},
		providers: [
			Credentials({
				credentials: { email: {}, password: {} },
				authorize: async (raw) => {
					const input = CredentialsInput.safeParse(raw);
					if (!input.success) return null;
					const { email, password } = input.data;
					const address = clientAddress(event);
					// Whatever path led here, a locked account or address gets no password check.
					if ((await signInWaitS(db, email, address)) > 0) return null;
					const user = await checkCredentials(db, email, password);
					await noteSignInResult(db, email, address, !!user);
					return user ? { id: user.id, email: user.email, name: user.name } : null;
				}
			}),
			...(config.oidc ? [oidcProvider(config.oidc)] : [])
		],
		callbacks: {
			async signIn({ user, account, profile }) {
				if (account?.provider !== 'oidc') return true;
				// Accounts are matched by email: an address the provider says is unverified could take one over.
				if (profile?.email_verified === false) return false;
				return !!(await userForOidcProfile(db, user.email, user.name));
			},
			async jwt({ token, user, account }) {
				if (user && account) {
					const appUser =
						account.provider === 'oidc'
							? await userForOidcProfile(db, user.email, user.name)
							: await findUserById(db, user.id!);
					if (!appUser) return null;
					token.sid = await createSession(db, appUser, account.provider);
					token.sub = appUser.id;
					await recordAudit(db, { actorId: appUser.id, action: 'auth.sign-in', subjectType: 'user', subjectId: appUser.id, details: { provider: account.provider } });
					return token;
				}
				const holder = typeof token.sid === 'string' ? await resolveSession(db, token.sid) : undefined;
				if (!holder) return null;
				event.locals.user = actorOf(holder.user, holder.teamIds);
				return token;
			}
		},
		events: {
			async signOut(message) {
				const sid = 'token' in message ? message.token?.sid : undefined;
				if (typeof sid === 'string') await revokeSession(db, sid);
			}
		}
	};
}

export const { handle: authHandle, signIn, signOut } = SvelteKitAuth(async (event) => authConfig(event));

