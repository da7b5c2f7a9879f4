import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

describe.each(dialects)('cross-site form posts %s', (dialect) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(dialect);
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	const postForm = (path: string, headers: Record<string, string> = {}) =>
		fetch(server.url + path, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
			body: new URLSearchParams({ email: 'rep@demo.test', password: 'rapport-demo' })
		});

	it(`${label} refuses a sign-in form posted from another site`, async () => {
		const response = await postForm('/signin?/credentials', { origin: 'https://evil.example' });
		expect(response.status).toBe(403);
		expect(response.headers.getSetCookie()).toEqual([]);
	});

	it(`${label} refuses a form post with no Origin header`, async () => {
		expect((await postForm('/auth/callback/credentials')).status).toBe(403);
	});

	it(`${label} refuses a cross-site form post to the API with a JSON 403`, async () => {
		const response = await postForm('/api/v1/attempts', { origin: 'https://evil.example' });
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ error: 'Cross-site POST form submissions are forbidden' });
	});

	it(`${label} answers a bearer-token script that sends a form body with a JSON 415`, async () => {
		const script = await tokenCaller(server.url, 'rep@demo.test');
		const response = await script.request('/api/v1/attempts', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'scenarioId=billing-dispute'
		});
		expect(response.status).toBe(415);
		expect((await response.json()).error).toMatch(/application\/json/);
	});

	it(`${label} still accepts a same-origin form post`, async () => {
		const client = new HttpClient(server.url);
		expect((await client.signIn('rep@demo.test')).status).toBe(302);
	});
});
