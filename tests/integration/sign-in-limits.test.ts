import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

// The client address comes from X-Forwarded-For here (as behind a proxy), so each test is its own caller.
const LIMIT_ENV = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', SIGN_IN_LOCK_SECONDS: '2', SIGN_IN_WINDOW_SECONDS: '60' };
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 20;

let nextAddress = 10;
const freshAddress = () => `203.0.113.${nextAddress++}`;

const signIn = (client: HttpClient, email: string, password: string, address: string) =>
	client.request('/auth/callback/credentials', { method: 'POST', form: { email, password }, headers: { 'x-forwarded-for': address } });

const signedIn = (response: Response) =>
	response.status === 302 && response.headers.getSetCookie().some((c) => c.includes('session-token='));

async function failTimes(url: string, email: string, address: string, times: number) {
	for (let i = 0; i < times; i++) {
		const response = await signIn(new HttpClient(url), email, 'wrong password', address);
		expect(response.status, `failure ${i + 1} for ${email}`).not.toBe(429);
	}
}

describe.each(dialects)('sign-in rate limits %s', (dialect) => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(dialect, { env: LIMIT_ENV });
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} answers 429 with Retry-After once an account has failed ${ACCOUNT_LIMIT} times, even with the right password`, async () => {
		await failTimes(server.url, 'mina.cho@demo.test', freshAddress(), ACCOUNT_LIMIT);
		const response = await signIn(new HttpClient(server.url), 'mina.cho@demo.test', 'rapport-demo', freshAddress());
		expect(response.status).toBe(429);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await response.json()).error).toMatch(/Too many sign-in attempts\. Wait \d+ seconds?/);
		expect(response.headers.getSetCookie().some((c) => c.includes('session-token='))).toBe(false);
	});

	it(`${label} shows the limit on the sign-in page with a 429 and a clear message`, async () => {
		const address = freshAddress();
		await failTimes(server.url, 'diego.ramos@demo.test', address, ACCOUNT_LIMIT);
		const page = await new HttpClient(server.url).request('/signin?/credentials', {
			method: 'POST',
			form: { email: 'diego.ramos@demo.test', password: 'rapport-demo' },
			headers: { accept: 'text/html', 'x-forwarded-for': address }
		});
		expect(page.status).toBe(429);
		expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await page.text()).toMatch(/role="alert"[^>]*>Too many sign-in attempts\. Wait \d+ seconds?/);
	});

	it(`${label} lets the real user in again once the short lock has passed`, async () => {
		await failTimes(server.url, 'sam.oconnell@demo.test', freshAddress(), ACCOUNT_LIMIT);
		const address = freshAddress();
		expect((await signIn(new HttpClient(server.url), 'sam.oconnell@demo.test', 'rapport-demo', address)).status).toBe(429);
		await new Promise((r) => setTimeout(r, 2_500));
		expect(signedIn(await signIn(new HttpClient(server.url), 'sam.oconnell@demo.test', 'rapport-demo', address))).toBe(true);
	});

	it(`${label} does not hold back the owner at an address they signed in from before`, async () => {
		const home = freshAddress();
		expect(signedIn(await signIn(new HttpClient(server.url), 'priya.nair@demo.test', 'rapport-demo', home))).toBe(true);
		const attacker = freshAddress();
		await failTimes(server.url, 'priya.nair@demo.test', attacker, ACCOUNT_LIMIT);
		expect((await signIn(new HttpClient(server.url), 'priya.nair@demo.test', 'rapport-demo', attacker)).status).toBe(429);
		expect(signedIn(await signIn(new HttpClient(server.url), 'priya.nair@demo.test', 'rapport-demo', home))).toBe(true);
	});

	it(`${label} shares the limit between two instances on the same database`, async () => {
		const second = await startTestServer(dialect, { env: LIMIT_ENV, database: server.database });
		try {
			await failTimes(server.url, 'grace.lead@demo.test', freshAddress(), ACCOUNT_LIMIT);
			const response = await signIn(new HttpClient(second.url), 'grace.lead@demo.test', 'rapport-demo', freshAddress());
			expect(response.status).toBe(429);
		} finally {
			await second.stop();
		}
	});

	it(`${label} limits one address across many accounts after ${ADDRESS_LIMIT} failures`, async () => {
		const address = freshAddress();
		// Four tries at each of five unknown accounts: no account reaches its own limit.
		for (let i = 0; i < ADDRESS_LIMIT; i++) {
			const response = await signIn(new HttpClient(server.url), `nobody${i % 5}@demo.test`, 'wrong password', address);
			expect(response.status, `failure ${i + 1}`).not.toBe(429);
		}
		const blocked = await signIn(new HttpClient(server.url), 'trainer@demo.test', 'rapport-demo', address);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(2);
		// The same account from another address is not affected.
		expect(signedIn(await signIn(new HttpClient(server.url), 'trainer@demo.test', 'rapport-demo', freshAddress()))).toBe(true);
	});
});
