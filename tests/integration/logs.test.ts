import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from './support/admin-pages';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

interface LogLine {
	level: string;
	time: string;
	message: string;
	requestId?: string;
	[field: string]: unknown;
}

const jsonLines = (output: string): LogLine[] =>
	output
		.split('\n')
		.filter((l) => l.startsWith('{'))
		.map((l) => JSON.parse(l));

describe.each(dialects)('logs %s', (dialect) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(dialect);
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} never contain a password, a token or a session cookie, through sign-in, API calls and a password change`, async () => {
		const secrets: string[] = [];
		const newPassword = 'log-test passphrase 7Qx!';
		const wrongPassword = 'wrong-guess-9Zk?';
		secrets.push(newPassword, wrongPassword);

		const browser = await signedInAs(new HttpClient(server.url), 'mina.cho@demo.test');
		secrets.push(...browser.cookieHeader.split('; ').map((c) => c.split('=').slice(1).join('=')));
		const changed = await browser.submit('/profile?/changePassword', { current: 'rapport-demo', next: newPassword, confirm: newPassword });
		expect(changed.status).toBe(303);

		expect((await new HttpClient(server.url).signIn('mina.cho@demo.test', wrongPassword)).status).toBe(302);
		const failedForm = await new HttpClient(server.url).submit('/signin?/credentials', { email: 'mina.cho@demo.test', password: wrongPassword });
		expect(failedForm.status).toBe(400);

		const again = await signedInAs(new HttpClient(server.url), 'mina.cho@demo.test', newPassword);
		secrets.push(...again.cookieHeader.split('; ').map((c) => c.split('=').slice(1).join('=')));
		const tokenPage = await (await again.submit('/profile?/createToken', { name: 'log test' })).text();
		const token = tokenPage.match(/value="(rpt_[A-Za-z0-9_-]+)"/)?.[1];
		expect(token).toBeTruthy();
		secrets.push(token!, token!.slice(4));
		const api = await fetch(`${server.url}/api/v1/me/progress`, { headers: { authorization: `Bearer ${token}` } });
		expect(api.status).toBe(200);
		const badToken = await fetch(`${server.url}/api/v1/me/progress`, { headers: { authorization: `Bearer ${token}x` } });
		expect(badToken.status).toBe(401);

		const output = server.output();
		expect(output.length).toBeGreaterThan(0);
		for (const secret of secrets.filter((s) => s.length >= 8)) {
			expect(output.includes(secret), `the log holds a secret starting ${secret.slice(0, 6)}…`).toBe(false);
		}
		expect(output).not.toMatch(/authjs\.session-token=/);
		expect(output).not.toMatch(/Bearer /);
	});

	it(`${label} write one JSON object per line, each request's lines carrying its request id`, async () => {
		for (const line of jsonLines(server.output())) {
			expect(line.level).toMatch(/^(info|warn|error)$/);
			expect(Number.isNaN(Date.parse(line.time))).toBe(false);
			expect(typeof line.message).toBe('string');
		}
	});

	it(`${label} log each refusal with the request id, the caller and the path`, async () => {
		const learner = await signedInAs(new HttpClient(server.url), 'rep@demo.test');
		const refused = await learner.request('/admin/people');
		expect(refused.status).toBe(403);
		const requestId = refused.headers.get('x-request-id');
		const anonymousApi = await fetch(`${server.url}/api/v1/me/progress`);
		expect(anonymousApi.status).toBe(401);
		const anonymousId = anonymousApi.headers.get('x-request-id');
		const missing = await learner.request('/attempts/00000000-0000-4000-8000-000000000000');
		expect(missing.status).toBe(404);
		const missingId = missing.headers.get('x-request-id');

		const lines = jsonLines(server.output());
		const forbidden = lines.find((l) => l.requestId === requestId && l.message === 'access refused');
		expect(forbidden).toMatchObject({ level: 'warn', status: 403, method: 'GET', path: '/admin/people', role: 'learner', via: 'session' });
		expect(forbidden?.userId).toMatch(/^[0-9a-f-]{36}$/);
		expect(lines.find((l) => l.requestId === anonymousId && l.message === 'access refused')).toMatchObject({ status: 401, userId: null });
		expect(lines.find((l) => l.requestId === missingId && l.message === 'not found')).toMatchObject({ status: 404, role: 'learner' });
	});

	it(`${label} tie a refused cross-site form to its request id`, async () => {
		const response = await fetch(`${server.url}/profile?/changePassword`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'current=x&next=y&confirm=y'
		});
		expect(response.status).toBe(403);
		const id = response.headers.get('x-request-id');
		const lines = jsonLines(server.output()).filter((l) => l.requestId === id);
		expect(lines.map((l) => l.message)).toContain('cross-site form refused');
	});
});
