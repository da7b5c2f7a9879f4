import { expect, test, type Browser, type Page } from '@playwright/test';
import { bestReplies } from '../factories/best-path';
import { startTestServer, type TestServer } from '../integration/support/test-server';
import { expectNoViolations } from './support/axe';

/*
 * On a server of its own (a fresh demo database), so the new hire has played nothing whatever the
 * other browser tests did as them.
 */
let server: TestServer;
test.beforeAll(async () => {
	server = await startTestServer('sqlite', { env: { LOG_LEVEL: 'silent' } });
});
test.afterAll(async () => {
	await server?.stop();
});

const BILLING = 'Double charge and a late fee';
const NOTE = 'Please finish this before the billing change on Monday.';
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

async function open(page: Page, path: string) {
	await page.goto(server.url + path);
	await page.locator('html[data-hydrated]').waitFor();
}

async function signedIn(browser: Browser, email: string, colorScheme: 'light' | 'dark' = 'light') {
	const page = await (await browser.newContext({ colorScheme, bypassCSP: true })).newPage();
	await open(page, '/signin');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('rapport-demo');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	await page.locator('html[data-hydrated]').waitFor();
	return page;
}

/** The trainer fills in the "New assignment" form and lands on the new assignment's page. */
async function assignBillingToHarbour(trainer: Page) {
	await open(trainer, '/');
	await trainer.getByRole('link', { name: 'Assignments' }).click();
	await trainer.getByRole('link', { name: 'New assignment' }).click();
	await trainer.locator('html[data-hydrated]').waitFor();
	await trainer.getByLabel('Scenario or track').selectOption({ label: BILLING });
	await trainer.getByLabel('A team').check();
	await trainer.getByLabel('Team', { exact: true }).selectOption({ label: 'Harbour Team' });
	await trainer.getByLabel('Due date').fill(inAWeek());
	await trainer.getByLabel('Note for the learners (optional)').fill(NOTE);
	await trainer.getByRole('button', { name: 'Assign' }).click();
	await trainer.waitForURL(/\/assignments\/[0-9a-f-]{36}$/);
	await trainer.locator('html[data-hydrated]').waitFor();
	await expect(trainer.getByRole('heading', { level: 1, name: BILLING })).toBeVisible();
	return new URL(trainer.url()).pathname;
}

test('a trainer assigns a scenario to a team, the new hire plays it from the assignment, and the trainer sees it completed', async ({ browser }) => {
	test.setTimeout(120_000);
	const trainer = await signedIn(browser, 'trainer@demo.test');
	const assignmentPath = await assignBillingToHarbour(trainer);
	await expect(trainer.getByRole('row', { name: /Noor Haddad/ })).toContainText('Not started');

	const hire = await signedIn(browser, 'new.hire@demo.test');
	await expect(hire.getByRole('region', { name: 'Assigned to you' }).getByRole('link', { name: BILLING })).toBeVisible();
	await expectNoViolations(hire, 'learner home with an assignment');
	await open(hire, '/progress');
	await expect(hire.getByRole('region', { name: 'Quests' }).getByRole('link', { name: BILLING })).toBeVisible();

	await open(hire, '/scenarios');
	const nextUp = hire.getByRole('region', { name: 'Next up' });
	await expect(nextUp).toContainText('Assigned to you');
	await expect(nextUp).toContainText(NOTE);
	await nextUp.getByRole('button', { name: `Start ${BILLING}` }).first().click();
	await hire.waitForURL(/\/play\//);
	await hire.locator('html[data-hydrated]').waitFor();
	for (const reply of await bestReplies('billing-dispute'))
		await hire.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: reply.text.trim(), exact: true }).click();
	await hire.waitForURL(/\/attempts\//);

	await open(hire, '/progress');
	await expect(hire.getByRole('region', { name: 'Quests' }).getByRole('listitem').filter({ hasText: BILLING })).toContainText('done');

	await open(trainer, assignmentPath);
	await expect(trainer.getByRole('row', { name: /Noor Haddad/ })).toContainText('Completed');
	await expect(trainer.getByRole('row', { name: /Ray Esposito/ })).toContainText('Not started');
	await open(trainer, '/assignments');
	await expect(trainer.getByRole('row', { name: new RegExp(BILLING) })).toContainText('1 of');
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the assignments pages have no axe violations in the ${colorScheme} theme`, async ({ browser }) => {
		const trainer = await signedIn(browser, 'trainer@demo.test', colorScheme);
		const assignmentPath = await assignBillingToHarbour(trainer);
		await expectNoViolations(trainer, 'assignment detail');
		await open(trainer, '/assignments');
		await expectNoViolations(trainer, 'assignments list');
		await open(trainer, '/assignments/new');
		await trainer.getByRole('button', { name: 'Assign' }).click();
		await expect(trainer.getByText('Choose a scenario or track')).toBeVisible();
		await expectNoViolations(trainer, 'new assignment form with errors');
		await open(trainer, assignmentPath);
		await trainer.getByRole('button', { name: 'Cancel assignment' }).click();
		await expect(trainer.getByRole('status').filter({ hasText: 'Assignment cancelled' })).toBeVisible();
	});
}
