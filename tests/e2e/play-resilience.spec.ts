import { expect, test } from '@playwright/test';
import { signIn } from './support/hydration';
import { conversation, replyOptions, startFirstScenario, takeStep } from './support/play';

const attemptIdOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;

test('a reload mid-attempt resumes exactly where the learner was, notes included', async ({ page }) => {
	await signIn(page, 'diego.ramos@demo.test');
	await startFirstScenario(page, 'family=difficult-customer');
	await takeStep(page, 0);
	await takeStep(page, 0);
	await page.getByLabel('Your notes').fill('Verified: name, ZIP, card');
	const said = await conversation(page).textContent();
	const offered = await replyOptions(page).allTextContents();

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(conversation(page)).toHaveText(said!);
	expect(await replyOptions(page).allTextContents()).toEqual(offered);
	await expect(page.getByLabel('Your notes')).toHaveValue('Verified: name, ZIP, card');
	await takeStep(page, 0);
});

test('a double click makes one step', async ({ page }) => {
	await signIn(page, 'priya.nair@demo.test');
	await startFirstScenario(page, 'family=difficult-customer');
	const id = attemptIdOf(page.url());
	await replyOptions(page).first().dblclick();
	await expect(replyOptions(page).first()).toBeEnabled();
	const stored = await (await page.request.get(`/api/v1/attempts/${id}`)).json();
	expect(stored.seq).toBe(1);
});

test('an attempt can be abandoned, and the debrief says so', async ({ page }) => {
	await signIn(page, 'sam.oconnell@demo.test');
	const title = await startFirstScenario(page, 'family=difficult-customer');
	await takeStep(page, 0);
	await page.getByText('Abandon this attempt').click();
	await page.getByRole('button', { name: 'Abandon attempt' }).click();
	await page.waitForURL(/\/attempts\//);
	await expect(page.getByRole('heading', { level: 2, name: 'Abandoned' })).toBeVisible();
	await expect(page.getByText('abandoned after 1 decision')).toBeVisible();
	await expect(page.getByRole('button', { name: `Try again ${title}` })).toBeVisible();
});

test('the chat shows the customer typing while the reply is on its way', async ({ page }) => {
	await signIn(page, 'mina.cho@demo.test');
	await startFirstScenario(page, 'channel=chat');
	// Hold the step's request until the indicator has been seen: no sleeping, no race.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\?\/choose$/, async (route) => {
		await held;
		await route.continue();
	});
	const chosen = (await replyOptions(page).first().textContent())!.replace(/^\s*1\s*/, '').trim();
	await replyOptions(page).first().click();
	await expect(page.getByRole('status').filter({ hasText: /is typing…/ })).toBeVisible();
	await expect(conversation(page)).toContainText(chosen.slice(0, 30));
	release();
	await expect(page.getByRole('status').filter({ hasText: /is typing…/ })).toHaveCount(0);
	await expect(replyOptions(page).first()).toBeEnabled();
});

test('a call offers the customer lines as speech, as a toggle', async ({ page }) => {
	await signIn(page, 'mina.cho@demo.test');
	await startFirstScenario(page, 'channel=voice');
	await expect(page.getByRole('heading', { name: /^On a call with / })).toBeVisible();
	await expect(page.getByText('Talk time')).toBeVisible();
	const speak = page.getByRole('button', { name: 'Hear the customer' });
	await expect(speak).toHaveAttribute('aria-pressed', 'false');
	await speak.click();
	await expect(speak).toHaveAttribute('aria-pressed', 'true');
});

test('what the agent does shows in the CRM panel', async ({ page }) => {
	await signIn(page, 'grace.lead@demo.test');
	await startFirstScenario(page, 'family=difficult-customer');
	const record = page.getByRole('region', { name: 'Customer record' });
	// The best path of every scenario verifies, looks up or notes something within a few steps.
	for (let step = 0; step < 10 && (await record.getByRole('list', { name: 'Done so far' }).count()) === 0; step++) {
		await takeStep(page, 0);
		if (new URL(page.url()).pathname.startsWith('/attempts/')) break;
	}
	await expect(record.getByRole('list', { name: 'Done so far' })).toBeVisible();
	await expect(record.getByRole('heading', { name: 'Activity this contact' })).toBeVisible();
});

test('playing works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/signin');
	await page.getByLabel('Email').fill('rep@demo.test');
	await page.getByLabel('Password').fill('rapport-demo');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

	await page.goto('/scenarios?family=difficult-customer');
	const card = page.getByRole('list', { name: 'Scenarios' }).getByRole('article').first();
	const title = (await card.getByRole('heading', { level: 3 }).textContent())!.trim();
	await card.getByRole('button', { name: `Start ${title}` }).or(card.getByRole('link', { name: `Resume ${title}` })).click();
	await page.waitForURL(/\/play\//);
	const before = await conversation(page).getByRole('listitem').count();
	const chosen = (await replyOptions(page).first().textContent())!.replace(/^\s*1\s*/, '').trim();
	await page.getByLabel('Your notes').fill('kept without JavaScript');
	await replyOptions(page).first().click();
	await expect(conversation(page).getByRole('listitem')).toHaveCount(before + 2);
	await expect(conversation(page)).toContainText(chosen.slice(0, 30));
	await expect(page.getByLabel('Your notes')).toHaveValue('kept without JavaScript');
	await context.close();
});
