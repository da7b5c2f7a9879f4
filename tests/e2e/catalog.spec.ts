import { expect, test } from '@playwright/test';
import { gotoHydrated, signIn } from './support/hydration';
import { playToEnd, startFirstScenario } from './support/play';

const cards = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Scenarios' }).getByRole('article');

test('the catalog filters by family at once, searches by title, and clears', async ({ page }) => {
	await signIn(page, 'mina.cho@demo.test');
	await gotoHydrated(page, '/scenarios');
	const total = await cards(page).count();
	expect(total).toBeGreaterThan(1);

	await page.getByLabel('Family').selectOption({ label: 'Difficult customer' });
	await expect(page).toHaveURL(/family=difficult-customer/);
	await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(new RegExp(`^Showing \\d+ of ${total} scenarios$`));
	for (const card of await cards(page).all()) await expect(card.getByRole('list', { name: 'About this scenario' })).toContainText('Difficult customer');

	await page.getByRole('link', { name: 'Clear filters' }).click();
	await expect(cards(page)).toHaveCount(total);
	const title = (await cards(page).first().getByRole('heading', { level: 3 }).textContent())!.trim();
	await page.getByLabel('Search by title').fill(title.slice(0, 12));
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/[?&]q=/);
	await expect(cards(page).getByRole('heading', { name: title })).toBeVisible();

	await page.getByLabel('Search by title').fill('no scenario is called this');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/q=no\+scenario/);
	await expect(page.getByText('No scenario matches these filters.')).toBeVisible();
});

test('cards show the persona, difficulty, channel, status and best score', async ({ page }) => {
	await signIn(page, 'diego.ramos@demo.test');
	const title = await startFirstScenario(page, 'family=leadership');
	await playToEnd(page);
	await gotoHydrated(page, '/scenarios?family=leadership');
	const card = cards(page).filter({ has: page.getByRole('heading', { name: title }) });
	await expect(card.getByRole('list', { name: 'About this scenario' })).toContainText(/Difficulty \d of 5/);
	await expect(card.getByRole('list', { name: 'About this scenario' })).toContainText(/Call|Chat|Email/);
	await expect(card.getByRole('list', { name: 'About this scenario' })).toContainText(/Passed|Failed/);
	await expect(card.getByText(/Your best score: \d+/)).toBeVisible();

	await page.getByLabel('Status').selectOption({ label: 'New' });
	await expect(page).toHaveURL(/status=new/);
	await expect(cards(page).filter({ has: page.getByRole('heading', { name: title }) })).toHaveCount(0);
});

test('next up shows the new hire a first week from easy to hard', async ({ page }) => {
	await signIn(page, 'new.hire@demo.test');
	await gotoHydrated(page, '/scenarios');
	const nextUp = page.getByRole('region', { name: 'Next up' });
	const week = nextUp.getByRole('list', { name: 'Your first week' });
	await expect(week).toBeVisible();
	const days = await week.getByRole('listitem').allTextContents();
	expect(days.length).toBeGreaterThan(0);
	const difficulties = days.map((d) => Number(d.match(/difficulty (\d) of 5/)?.[1]));
	expect([...difficulties].sort()).toEqual(difficulties);
	await expect(nextUp.getByRole('heading', { name: 'Assigned to you' })).toHaveCount(0);
});

test('next up recommends practice for the weakest criterion once there are scores', async ({ page }) => {
	await signIn(page, 'rep@demo.test');
	await gotoHydrated(page, '/scenarios');
	const nextUp = page.getByRole('region', { name: 'Next up' });
	await expect(nextUp.getByRole('heading', { name: 'Recommended for you' })).toBeVisible();
	await expect(nextUp.getByText(/Your weakest skill so far is .+ \(average [\d.]+ of 100\)/)).toBeVisible();
});

test('the attempts history lists attempts and the trend per criterion', async ({ page }) => {
	await signIn(page, 'rep@demo.test');
	await gotoHydrated(page, '/attempts');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your attempts');
	await expect(page.getByRole('table', { name: 'All your attempts' }).getByRole('row')).not.toHaveCount(0);
	await expect(page.getByRole('columnheader', { name: 'Scores, oldest first' }).first()).toBeVisible();
});
