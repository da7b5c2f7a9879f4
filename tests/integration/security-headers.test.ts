import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const directives = (csp: string) =>
	new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));

/** The headers every answer carries, whatever it is: a page, JSON, an error, a redirect or a file. */
function expectSecurityHeaders(response: Response, what: string, { fromApp = true } = {}) {
	const h = response.headers;
	expect(h.get('x-content-type-options'), what).toBe('nosniff');
	expect(h.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
	expect(h.get('x-frame-options'), what).toBe('DENY');
	// Static files are answered before the app (scripts/serve.js), so they carry no request id.
	if (fromApp) expect(h.get('x-request-id') ?? 'none', what).toMatch(/^[0-9a-f-]{36}$/);
	const csp = directives(h.get('content-security-policy') ?? '');
	expect(csp.get('object-src'), what).toEqual(["'none'"]);
	expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
	const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
	expect(scripts, what).not.toContain("'unsafe-inline'");
	expect(scripts, what).not.toContain("'unsafe-eval'");
}

/** Pages carry a fresh nonce per answer, and the page's inline script uses it. */
async function expectPageNonce(response: Response, what: string) {
	const scripts = directives(response.headers.get('content-security-policy') ?? '').get('script-src') ?? [];
	const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
	expect(nonce, `${what}: script-src has a nonce`).toBeTruthy();
	const html = await response.text();
	const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
	expect(inline.length, `${what}: has the hydration script`).toBeGreaterThan(0);
	for (const [, attributes] of inline) expect(attributes, what).toContain(`nonce="${nonce}"`);
	return nonce!;
}

describe.each(dialects)('security headers %s', (dialect) => {
	let server: TestServer;
	let learner: HttpClient;
	beforeAll(async () => {
		server = await startTestServer(dialect);
		learner = new HttpClient(server.url);
		await learner.signIn('rep@demo.test');
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} sets them on pages, with a new script nonce each time`, async () => {
		const first = await learner.request('/progress');
		expect(first.status).toBe(200);
		expectSecurityHeaders(first, '/progress');
		const a = await expectPageNonce(first, '/progress');
		const signin = await new HttpClient(server.url).request('/signin');
		expectSecurityHeaders(signin, '/signin');
		const b = await expectPageNonce(signin, '/signin');
		expect(a).not.toBe(b);
	});

	it(`${label} sets them on JSON, errors, redirects, files and the health check`, async () => {
		const anonymous = new HttpClient(server.url);
		const script = await tokenCaller(server.url, 'trainer@demo.test');
		const answers: [string, Response, number][] = [
			['API JSON', await script.request('/api/v1/scenarios'), 200],
			['API 401', await anonymous.request('/api/v1/scenarios'), 401],
			['API 404', await script.request('/api/v1/attempts/00000000-0000-4000-8000-000000000000'), 404],
			['page 404', await learner.request('/no-such-page'), 404],
			['page 403', await learner.request('/admin'), 403],
			['redirect to sign in', await anonymous.request('/progress'), 303],
			['static file', await anonymous.request('/favicon.svg'), 200],
			['health check', await anonymous.request('/healthz'), 200],
			['issuer profile', await anonymous.request('/credentials/issuer'), 200],
			['Auth.js session', await learner.request('/auth/session'), 200],
			[
				'cross-site 403',
				await fetch(`${server.url}/signin?/credentials`, {
					method: 'POST',
					headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
					body: 'email=x'
				}),
				403
			]
		];
		for (const [what, response, status] of answers) {
			expect(response.status, what).toBe(status);
			expectSecurityHeaders(response, what, { fromApp: what !== 'static file' });
			expect(response.headers.get('strict-transport-security'), `${what}: no HSTS over plain HTTP`).toBeNull();
		}
		const bundle = (await (await anonymous.request('/signin')).text()).match(/\/_app\/immutable\/[^"]+\.js/)?.[0];
		expect(bundle).toBeTruthy();
		const file = await anonymous.request(bundle!);
		expect(file.status).toBe(200);
		expectSecurityHeaders(file, 'a script bundle', { fromApp: false });
	});

	it(`${label} sets the session cookie HttpOnly and SameSite=Lax, not Secure over plain HTTP`, async () => {
		const response = await new HttpClient(server.url).signIn('new.hire@demo.test');
		const session = response.headers.getSetCookie().find((c) => c.includes('session-token='));
		expect(session).toBeDefined();
		expect(session).toMatch(/;\s*HttpOnly/i);
		expect(session).toMatch(/;\s*SameSite=Lax/i);
		expect(session).not.toMatch(/;\s*Secure/i);
	});
});

describe('security headers over HTTPS (behind a TLS proxy)', () => {
	const origin = 'https://rapport.test';
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer('sqlite', { env: { ORIGIN: origin } });
	});
	afterAll(() => server?.stop());

	it('adds HSTS to every answer', async () => {
		for (const path of ['/signin', '/healthz', '/progress', '/api/v1/scenarios', '/no-such-page', '/favicon.svg']) {
			const response = await fetch(server.url + path, { redirect: 'manual' });
			expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
			expectSecurityHeaders(response, path, { fromApp: path !== '/favicon.svg' });
		}
	});

	it('marks the session cookie Secure, HttpOnly and SameSite, with the __Secure- prefix', async () => {
		const response = await fetch(server.url + '/auth/callback/credentials', {
			method: 'POST',
			redirect: 'manual',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: 'rep@demo.test', password: 'rapport-demo' })
		});
		expect(response.status).toBe(302);
		const session = response.headers.getSetCookie().find((c) => c.includes('session-token='));
		expect(session).toMatch(/^__Secure-/);
		expect(session).toMatch(/;\s*Secure/i);
		expect(session).toMatch(/;\s*HttpOnly/i);
		expect(session).toMatch(/;\s*SameSite=Lax/i);
	});
});
