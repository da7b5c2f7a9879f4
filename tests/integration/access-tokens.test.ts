import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const tokenFrom = (html: string) => html.match(/value="(rpt_[A-Za-z0-9_-]+)"/)?.[1];

describe.each(dialects)('personal access tokens %s', (dialect) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(dialect);
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} shows a new token once, accepts it as a bearer token, and refuses it once revoked`, async () => {
		const browser = new HttpClient(server.url);
		await browser.signIn('rep@demo.test');
		const created = await browser.submit('/profile?/createToken', { name: 'reporting script' });
		const token = tokenFrom(await created.text());
		expect(token).toBeDefined();

		const script = new HttpClient(server.url);
		const auth = { headers: { authorization: `Bearer ${token}` } };
		expect((await script.request('/', auth)).status).toBe(200);

		const profile = await (await browser.request('/profile')).text();
		expect(profile).toContain('reporting script');
		expect(profile).not.toContain(token!);

		const id = profile.match(/name="id" value="([0-9a-f-]{36})"/)?.[1];
		await browser.submit('/profile?/revokeToken', { id: id! });
		const refused = await script.json('/healthz', auth);
		expect(refused.status).toBe(401);
		expect(refused.body.error).toMatch(/revoked/);
	});

	it(`${label} answers an unknown bearer token with a JSON 401`, async () => {
		const { status, body } = await new HttpClient(server.url).json('/api/v1/scenarios', {
			headers: { authorization: 'Bearer rpt_not-a-real-token' }
		});
		expect(status).toBe(401);
		expect(body).toHaveProperty('error');
	});

	it(`${label} answers an anonymous API call with a JSON 401`, async () => {
		const { status, body } = await new HttpClient(server.url).json('/api/v1/scenarios');
		expect(status).toBe(401);
		expect(body.error).toMatch(/Sign in/);
	});

	it(`${label} will not revoke another person's token`, async () => {
		const owner = new HttpClient(server.url);
		await owner.signIn('priya.nair@demo.test');
		const html = await (await owner.submit('/profile?/createToken', { name: 'mine' })).text();
		const token = tokenFrom(html)!;
		const id = (await (await owner.request('/profile')).text()).match(/name="id" value="([0-9a-f-]{36})"/)?.[1];
		const intruder = new HttpClient(server.url);
		await intruder.signIn('sam.oconnell@demo.test');
		expect((await intruder.submit('/profile?/revokeToken', { id: id! })).status).toBe(404);
		expect((await new HttpClient(server.url).request('/', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
	});
});
