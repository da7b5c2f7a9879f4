import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/open-database';
import { findUserByEmail, setActive } from '../../src/lib/server/db/users';
import { HttpClient } from './support/http-client';
import { oidcEnv, reserveIssuer, startOidcProvider, type OidcAccount, type OidcTestProvider } from './support/oidc-provider';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const accounts: OidcAccount[] = [
	{ sub: 'idp-ray', email: 'rep@demo.test', name: 'Ray Esposito' },
	{ sub: 'idp-newcomer', email: 'sso.newcomer@example.test', name: 'Nia Okoro' },
	{ sub: 'idp-priya', email: 'priya.nair@demo.test', name: 'Priya Nair' }
];

/** Deactivates a Rapport account straight in the database, as an admin leaving the company would. */
async function deactivate(server: TestServer, email: string) {
	const database = await openDatabase(server.database.config);
	try {
		const found = await findUserByEmail(database.db, email);
		await setActive(database.db, found!.user.id, false);
	} finally {
		await database.close();
	}
}

/**
 * Runs the authorization-code flow the way a browser would: presses the SSO button, then follows
 * every redirect, sending each hop with the cookie jar of the origin it points at.
 * Returns the first response that is not a redirect.
 */
async function signInWithSso(rapport: HttpClient, idp: HttpClient, redirectTo = '/progress') {
	let response = await rapport.submit('/signin?/sso', { providerId: 'oidc', redirectTo });
	const hops: string[] = [];
	while (response.status >= 300 && response.status < 400) {
		const target = new URL(response.headers.get('location')!, response.url);
		hops.push(target.origin === idp.baseUrl ? `idp ${target.pathname}` : target.pathname);
		const client = target.origin === idp.baseUrl ? idp : rapport;
		if (hops.length > 12) throw new Error(`redirect loop: ${hops.join(' → ')}`);
		response = await client.request(target.pathname + target.search);
	}
	return { response, hops };
}

describe.each(dialects)('single sign-on with OpenID Connect %s', (dialect) => {
	let server: TestServer;
	let provider: OidcTestProvider;
	beforeAll(async () => {
		const issuer = await reserveIssuer();
		server = await startTestServer(dialect, { env: oidcEnv(issuer) });
		provider = await startOidcProvider(issuer, server.url, accounts);
	});
	afterAll(async () => {
		await provider?.close();
		await server?.stop();
	});

	const label = dialectLabel(dialect);
	const clients = () => [new HttpClient(server.url), new HttpClient(provider.issuer)] as const;

	it(`${label} offers single sign-on on the sign-in page`, async () => {
		const page = await new HttpClient(server.url).request('/signin');
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Sign in with single sign-on');
	});

	it(`${label} signs an existing account in through the identity provider's code flow`, async () => {
		const [rapport, idp] = clients();
		provider.signInAs('rep@demo.test');
		const { response, hops } = await signInWithSso(rapport, idp);
		expect(hops).toContain('idp /auth');
		expect(hops).toContain('/auth/callback/oidc');
		expect(hops.at(-1)).toBe('/progress');
		expect(response.status).toBe(200);
		const session = await rapport.json('/auth/session');
		expect(session.body.user.email).toBe('rep@demo.test');
		const home = await rapport.request('/');
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('Welcome, Ray');
	});

	it(`${label} provisions an unknown email as a new learner`, async () => {
		const [rapport, idp] = clients();
		provider.signInAs('sso.newcomer@example.test');
		const { response } = await signInWithSso(rapport, idp, '/');
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('Welcome, Nia');
		const session = await rapport.json('/auth/session');
		expect(session.body.user.email).toBe('sso.newcomer@example.test');
		expect((await rapport.request('/studio')).status).toBe(403);
	});

	it(`${label} refuses a deactivated account even when the identity provider vouches for it`, async () => {
		await deactivate(server, 'priya.nair@demo.test');
		const [rapport, idp] = clients();
		provider.signInAs('priya.nair@demo.test');
		const { response, hops } = await signInWithSso(rapport, idp);
		expect(hops.at(-1)).toBe('/signin');
		expect(await response.text()).toContain('Sign-in did not succeed');
		expect((await rapport.json('/auth/session')).body).toBeNull();
	});

	it(`${label} refuses an SSO session cookie replayed after sign-out`, async () => {
		const [rapport, idp] = clients();
		provider.signInAs('rep@demo.test');
		await signInWithSso(rapport, idp);
		expect((await rapport.request('/')).status).toBe(200);
		const stolen = rapport.snapshot();
		await rapport.submit('/signout', {});
		const replay = await stolen.request('/');
		expect(replay.status).toBe(303);
		expect(replay.headers.get('location')).toBe('/signin');
	});
});

describe.each(dialects)('single sign-on switched off %s', (dialect) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(dialect);
	});
	afterAll(() => server?.stop());

	it(`${dialectLabel(dialect)} shows no single sign-on button without OIDC settings`, async () => {
		const page = await new HttpClient(server.url).request('/signin');
		expect(page.status).toBe(200);
		expect(await page.text()).not.toContain('single sign-on');
	});
});
