import { expect, test } from '@playwright/test';
import { signIn } from './support/hydration';
import { conversation, playToEnd, replyOptions, startFirstScenario } from './support/play';

const FAMILIES = [
	{ id: 'difficult-customer', label: 'Difficult customer' },
	{ id: 'technical-troubleshooting', label: 'Technical troubleshooting' },
	{ id: 'sales-objection', label: 'Sales objection' },
	{ id: 'leadership', label: 'Leadership' }
];

async function expectDebrief(page: import('@playwright/test').Page, title: string) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('heading', { level: 2, name: /^(Passed|Not passed)$/ })).toBeVisible();
	await expect(page.getByText(/pass mark \d+/)).toBeVisible();
	const breakdown = page.getByRole('table', { name: 'Score per rubric criterion, with its weight' });
	await expect(breakdown.getByRole('columnheader', { name: 'Weight' })).toBeVisible();
	expect(await breakdown.getByRole('row').count()).toBeGreaterThan(2);
	await expect(page.getByRole('heading', { name: 'Transcript and feedback' })).toBeVisible();
	await expect(page.getByRole('img', { name: "Map of the scenario's conversation" })).toBeVisible();
	await expect(page.getByRole('button', { name: `Try again ${title}` })).toBeVisible();
}

for (const family of FAMILIES) {
	test(`the new hire plays a ${family.label.toLowerCase()} scenario to the end by clicking and reads the debrief`, async ({ page }) => {
		await signIn(page, 'new.hire@demo.test');
		await page.goto(`/scenarios?family=${family.id}`);
		const available = await page.getByRole('list', { name: 'Scenarios' }).getByRole('article').count();
		expect(available, `a published ${family.id} scenario`).toBeGreaterThan(0);

		const title = await startFirstScenario(page, `family=${family.id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(conversation(page)).not.toBeEmpty();
		await expect(page.getByRole('heading', { name: 'Customer record' })).toBeVisible();
		await expect(page.getByLabel('Mood')).toBeVisible();
		await expect(page.getByLabel('Patience')).toBeVisible();
		await playToEnd(page, 'click');
		await expectDebrief(page, title);
	});
}

test('the new hire plays a scenario by keyboard alone', async ({ page }) => {
	await signIn(page, 'new.hire@demo.test');
	await page.goto('/scenarios?family=difficult-customer');
	await page.locator('html[data-hydrated]').waitFor();
	const card = page.getByRole('list', { name: 'Scenarios' }).getByRole('article').first();
	const title = (await card.getByRole('heading', { level: 3 }).textContent())!.trim();
	const start = card.getByRole('button', { name: `Start ${title}` }).or(card.getByRole('link', { name: `Resume ${title}` }));

	// Tab to the card's Start button as a keyboard user would, then press Enter.
	for (let i = 0; i < 80 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(start).toBeFocused();
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/play\//);
	await page.locator('html[data-hydrated]').waitFor();

	await playToEnd(page, 'keyboard');
	await expectDebrief(page, title);
	// The debrief is reachable by keyboard too: Tab lands on "Try again".
	const again = page.getByRole('button', { name: `Try again ${title}` });
	for (let i = 0; i < 40 && !(await again.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(again).toBeFocused();
});

test('after a step, focus is on the first reply and the conversation is a live log', async ({ page }) => {
	await signIn(page, 'mina.cho@demo.test');
	await startFirstScenario(page, 'family=difficult-customer');
	const log = conversation(page);
	await expect(log).toHaveAttribute('aria-label', /^Conversation with /);
	const chosen = (await replyOptions(page).first().textContent())!.replace(/^\s*1\s*/, '').trim();
	await page.keyboard.press('1');
	await expect(log).toContainText(chosen.slice(0, 40));
	await expect(replyOptions(page).first()).toBeFocused();
});
