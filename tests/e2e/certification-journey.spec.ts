import { expect, test, type Page } from '@playwright/test';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { bestReplies } from '../factories/best-path';
import { startTestServer, type TestServer } from '../integration/support/test-server';

/*
 * The whole journey on a server of its own (a fresh demo database), so the new hire really starts
 * from nothing whatever the other browser tests have played as them.
 */
let server: TestServer;
test.beforeAll(async () => {
	server = await startTestServer('sqlite', { env: { LOG_LEVEL: 'silent' } });
});
test.afterAll(async () => {
	await server?.stop();
});

const BILLING = 'Double charge and a late fee';

async function open(page: Page, path: string) {
	await page.goto(server.url + path);
	await page.locator('html[data-hydrated]').waitFor();
}

/** Plays the open attempt to its end, choosing the best reply at each turn, and waits for the debrief. */
async function playBest(page: Page, replies: { text: string }[]) {
	for (const reply of replies) {
		await page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: reply.text.trim(), exact: true }).click();
	}
	await page.waitForURL(/\/attempts\//);
	await page.locator('html[data-hydrated]').waitFor();
}

/** One character changed in the middle of the payload: the signature no longer matches. */
const tamper = (jwt: string) => {
	const [header, payload, signature] = jwt.split('.');
	const at = Math.floor(payload.length / 2);
	const changed = payload[at] === 'A' ? 'B' : 'A';
	return [header, payload.slice(0, at) + changed + payload.slice(at + 1), signature].join('.');
};

test('a new hire earns the Representative certificate by playing, and its credential verifies against the published keys', async ({ page, request }) => {
	test.setTimeout(90_000);
	const replies = await bestReplies('billing-dispute');

	await open(page, '/signin');
	await page.getByLabel('Email').fill('new.hire@demo.test');
	await page.getByLabel('Password').fill('rapport-demo');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

	await open(page, '/progress');
	const representative = page.getByRole('article', { name: 'Customer Service Representative' });
	await expect(representative).toContainText('In progress');
	await expect(page.getByRole('heading', { name: 'Level 1: New Hire' })).toBeVisible();

	await open(page, '/scenarios');
	await page.getByRole('list', { name: 'Scenarios' }).getByRole('button', { name: `Start ${BILLING}` }).click();
	await page.waitForURL(/\/play\//);
	await page.locator('html[data-hydrated]').waitFor();
	await playBest(page, replies);
	const progress = page.getByRole('region', { name: 'Your progress' });
	await expect(progress).toContainText('XP');
	await expect(progress).toContainText('Customer Service Representative');

	await page.getByRole('button', { name: `Try again ${BILLING}` }).click();
	await page.waitForURL(/\/play\//);
	await page.locator('html[data-hydrated]').waitFor();
	await playBest(page, replies);
	await expect(page.getByRole('region', { name: 'Your progress' })).toContainText(/Customer Service Representative: In progress \(\d of 4\) → Earned/);

	await open(page, '/progress');
	await expect(representative).toContainText('Earned');
	await expect(page.getByRole('article', { name: 'Senior Representative' })).not.toContainText('Locked');
	await representative.getByRole('link', { name: 'View and verify the credential' }).click();
	await page.waitForURL(/\/credentials\/[0-9a-f-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer Service Representative');
	await expect(page.getByRole('status')).toContainText('Valid');
	await expect(page.getByRole('region', { name: 'Who holds what' })).toContainText('Noor Haddad');
	await expect(page.getByRole('link', { name: 'Printable certificate' })).toBeVisible();

	const credentialId = new URL(page.url()).pathname.split('/').pop()!;
	const jwks = (await (await request.get(`${server.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
	const jwt = await (await request.get(`${server.url}/credentials/${credentialId}.jwt`)).text();
	const keys = createLocalJWKSet(jwks);
	const { payload } = await jwtVerify(jwt, keys, { algorithms: ['EdDSA'] });
	expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
	expect(payload).toMatchObject({ credentialSubject: { achievement: { name: 'Customer Service Representative' } } });
	await expect(jwtVerify(tamper(jwt), keys, { algorithms: ['EdDSA'] })).rejects.toThrow();
});
