import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personIdOnPeoplePage, signedInAs } from './support/admin-pages';
import { rawSql } from './support/authorization/raw-sql';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

describe.each(dialects)('sign-in and sessions %s', (dialect) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(dialect);
	});
	afterAll(() => server?.stop());

	const label = dialectLabel(dialect);

	it(`${label} reports the database in /healthz`, async () => {
		const { status, body } = await new HttpClient(server.url).json('/healthz');
		expect(status).toBe(200);
		expect(body).toEqual({ status: 'ok', database: dialect });
	});

	it(`${label} signs a script in through the credentials callback`, async () => {
		const client = new HttpClient(server.url);
		const response = await client.signIn('rep@demo.test');
		expect(response.status).toBe(302);
		const session = await client.json('/auth/session');
		expect(session.body.user.email).toBe('rep@demo.test');
	});

	it(`${label} gives the same neutral answer for a wrong password and an unknown account`, async () => {
		const wrongPassword = await new HttpClient(server.url).submit('/signin?/credentials', { email: 'rep@demo.test', password: 'nope' });
		const unknown = await new HttpClient(server.url).submit('/signin?/credentials', { email: 'ghost@demo.test', password: 'nope' });
		expect(wrongPassword.status).toBe(400);
		expect(unknown.status).toBe(400);
		const [a, b] = [await wrongPassword.text(), await unknown.text()];
		expect(a).toContain('do not match an active account');
		expect(b).toContain('do not match an active account');
	});

	it(`${label} answers a malformed sign-in form with 400, not 500`, async () => {
		const response = await new HttpClient(server.url).submit('/signin?/credentials', { email: '' });
		expect(response.status).toBe(400);
	});

	it(`${label} sends an anonymous visitor to sign in, keeping where they were going`, async () => {
		const response = await new HttpClient(server.url).request('/progress');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/signin?redirectTo=%2Fprogress');
	});

	it(`${label} refuses a learner the trainer, lead and admin pages`, async () => {
		const client = new HttpClient(server.url);
		await client.signIn('new.hire@demo.test');
		for (const path of ['/studio', '/team', '/admin']) {
			expect((await client.request(path)).status, path).toBe(403);
		}
		expect((await client.request('/scenarios')).status).toBe(200);
	});

	it(`${label} lets each role reach its own area`, async () => {
		const areas: [string, string][] = [
			['trainer@demo.test', '/studio'],
			['lead@demo.test', '/team'],
			['admin@demo.test', '/admin']
		];
		for (const [email, path] of areas) {
			const client = new HttpClient(server.url);
			await client.signIn(email);
			expect((await client.request(path)).status, `${email} ${path}`).toBe(200);
		}
	});

	it(`${label} refuses a session cookie replayed after sign-out`, async () => {
		const client = new HttpClient(server.url);
		await client.signIn('rep@demo.test');
		expect((await client.request('/')).status).toBe(200);
		const stolen = client.snapshot();
		await client.submit('/signout', {});
		const replay = await stolen.request('/');
		expect(replay.status).toBe(303);
		expect(replay.headers.get('location')).toBe('/signin');
	});

	it(`${label} ends every session when the password changes`, async () => {
		const client = new HttpClient(server.url);
		await client.signIn('mina.cho@demo.test');
		const other = new HttpClient(server.url);
		await other.signIn('mina.cho@demo.test');
		const changed = await client.submit('/profile?/changePassword', {
			current: 'rapport-demo',
			next: 'a much longer passphrase',
			confirm: 'a much longer passphrase'
		});
		expect(changed.status).toBe(303);
		expect((await other.request('/')).status).toBe(303);
		expect((await client.request('/')).status).toBe(303);
		const again = new HttpClient(server.url);
		await again.signIn('mina.cho@demo.test', 'a much longer passphrase');
		expect((await again.request('/')).status).toBe(200);
	});

	it(`${label} refuses a new password shorter than 12 characters`, async () => {
		const client = new HttpClient(server.url);
		await client.signIn('diego.ramos@demo.test');
		const response = await client.submit('/profile?/changePassword', { current: 'rapport-demo', next: 'short', confirm: 'short' });
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('at least 12 characters');
	});

	it(`${label} refuses a common password of 12 characters or more`, async () => {
		const client = new HttpClient(server.url);
		await client.signIn('diego.ramos@demo.test');
		const response = await client.submit('/profile?/changePassword', { current: 'rapport-demo', next: 'Password1234', confirm: 'Password1234' });
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('too common');
	});

	const signedOutOf = async (client: HttpClient) => {
		const response = await client.request('/');
		return response.status === 303 && response.headers.get('location') === '/signin';
	};

	it(`${label} ends a person's sessions when an admin changes their role`, async () => {
		const sam = await signedInAs(new HttpClient(server.url), 'sam.oconnell@demo.test');
		expect((await sam.request('/')).status).toBe(200);
		const admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
		const userId = await personIdOnPeoplePage(admin, 'sam.oconnell@demo.test');
		expect((await admin.submit('/admin/people?/role', { userId, role: 'trainer' })).status).toBe(200);
		expect(await signedOutOf(sam)).toBe(true);
		// Signed in again, the new role applies.
		const again = await signedInAs(new HttpClient(server.url), 'sam.oconnell@demo.test');
		expect((await again.request('/studio')).status).toBe(200);
	});

	it(`${label} ends a person's sessions and refuses sign-in when an admin deactivates them`, async () => {
		const priya = await signedInAs(new HttpClient(server.url), 'priya.nair@demo.test');
		expect((await priya.request('/')).status).toBe(200);
		const admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
		const userId = await personIdOnPeoplePage(admin, 'priya.nair@demo.test');
		expect((await admin.submit('/admin/people?/active', { userId, active: '0' })).status).toBe(200);
		expect(await signedOutOf(priya)).toBe(true);
		const retry = await new HttpClient(server.url).signIn('priya.nair@demo.test');
		expect(retry.headers.getSetCookie().some((c) => c.includes('session-token='))).toBe(false);
	});

	const sessionsOf = (email: string) =>
		rawSql<{ created_at: string; last_seen_at: string; expires_at: string }>(
			server.database,
			'select s.created_at, s.last_seen_at, s.expires_at from auth_session s join "user" u on u.id = s.user_id where u.email = $1',
			[email]
		);
	const setSessionTimes = (email: string, column: 'last_seen_at' | 'expires_at', at: Date) =>
		rawSql(server.database, `update auth_session set ${column} = $1 where user_id = (select id from "user" where email = $2)`, [at.toISOString(), email]);
	const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

	it(`${label} ends a session left idle for more than 2 hours`, async () => {
		const client = await signedInAs(new HttpClient(server.url), 'new.hire@demo.test');
		await setSessionTimes('new.hire@demo.test', 'last_seen_at', minutesAgo(118));
		expect((await client.request('/')).status).toBe(200);
		await setSessionTimes('new.hire@demo.test', 'last_seen_at', minutesAgo(121));
		expect(await signedOutOf(client)).toBe(true);
	});

	it(`${label} ends a session 12 hours after sign-in, however busy`, async () => {
		const client = await signedInAs(new HttpClient(server.url), 'lead@demo.test');
		const [session] = await sessionsOf('lead@demo.test');
		expect(Date.parse(session.expires_at) - Date.parse(session.created_at)).toBe(12 * 60 * 60 * 1000);
		await setSessionTimes('lead@demo.test', 'expires_at', minutesAgo(1));
		expect(await signedOutOf(client)).toBe(true);
	});
});
