import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
