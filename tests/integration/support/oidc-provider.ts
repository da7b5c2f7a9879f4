import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import { Provider } from 'oidc-provider';
import { freePort } from './test-server';

/** A person known to the identity provider; `sub` is the provider's own id for them. */
export interface OidcAccount {
	sub: string;
	email: string;
	name: string;
	emailVerified?: boolean;
}

export interface OidcTestProvider {
	issuer: string;
	/** Who the next login interaction signs in, standing in for a person typing a password. */
	signInAs: (email: string) => void;
	close: () => Promise<void>;
}

const CLIENT_ID = 'rapport';
const CLIENT_SECRET = 'rapport-test-secret';

/**
 * Picks the issuer URL before anything listens: Rapport needs the issuer in its env at start-up,
 * and the provider needs Rapport's URL for the client's redirect_uri.
 */
export const reserveIssuer = async () => `http://127.0.0.1:${await freePort()}`;

/** The env vars that point a Rapport server at the provider on `issuer`. */
export const oidcEnv = (issuer: string) => ({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET });

/**
 * A real OpenID Provider (panva's oidc-provider) on loopback, with one confidential client for
 * Rapport. Only the login and consent screens are replaced: they complete at once for the
 * account chosen with `signInAs`, so a test can drive the whole code flow over plain HTTP.
 */
export async function startOidcProvider(issuer: string, rapportUrl: string, accounts: OidcAccount[]): Promise<OidcTestProvider> {
	const bySub = new Map(accounts.map((a) => [a.sub, a]));
	let nextEmail: string | undefined;
	// A key of our own, so the provider does not fall back to its shared development key.
	const { privateKey } = await generateKeyPair('RS256', { extractable: true });

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [`${rapportUrl}/auth/callback/oidc`],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				// Auth.js sends the secret in an Authorization: Basic header unless told otherwise.
				token_endpoint_auth_method: 'client_secret_basic'
			}
		],
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		cookies: { keys: ['oidc-test-cookie-key'] },
		jwks: { keys: [{ ...(await exportJWK(privateKey)), use: 'sig', alg: 'RS256' }] },
		ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
		// Our own interaction routes below replace the built-in HTML login/consent pages.
		features: { devInteractions: { enabled: false } },
		findAccount: async (_ctx: unknown, sub: string) => {
			const account = bySub.get(sub);
			if (!account) return undefined;
			return {
				accountId: sub,
				claims: async () => ({
					sub,
					email: account.email,
					email_verified: account.emailVerified ?? true,
					name: account.name
				})
			};
		}
	});
	// Surface provider-side failures in the test output instead of a bare 500 or a redirect.
	provider.on('server_error', (_ctx, error) => console.error('oidc-provider:', error));

	async function completeInteraction(req: IncomingMessage, res: ServerResponse) {
		const interaction = await provider.interactionDetails(req, res);
		const { prompt, params, session } = interaction;
		if (prompt.name === 'login') {
			const account = accounts.find((a) => a.email === nextEmail);
			if (!account) throw new Error(`no test account chosen with signInAs (got ${nextEmail})`);
			return provider.interactionFinished(req, res, { login: { accountId: account.sub } });
		}
		// Consent: grant exactly what the provider says is still missing, as a user clicking "Allow" would.
		const grant =
			(interaction.grantId && (await provider.Grant.find(interaction.grantId))) ||
			new provider.Grant({ accountId: session!.accountId, clientId: params.client_id as string });
		const { missingOIDCScope, missingOIDCClaims } = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
		if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
		if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
		const grantId = await grant.save();
		return provider.interactionFinished(req, res, { consent: interaction.grantId ? {} : { grantId } });
	}

	const handleProvider = provider.callback();
	const server = createServer((req, res) => {
		if (req.method === 'GET' && req.url?.startsWith('/interaction/')) {
			completeInteraction(req, res).catch((error: Error) => {
				res.statusCode = 500;
				res.end(`interaction failed: ${error.message}`);
			});
			return;
		}
		handleProvider(req, res);
	});
	await new Promise<void>((resolve) => server.listen(Number(new URL(issuer).port), '127.0.0.1', resolve));

	return {
		issuer,
		signInAs: (email) => (nextEmail = email),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			})
	};
}
