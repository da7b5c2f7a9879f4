import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';
import { playToEnd, replyOptions, takeStep } from './support/play';

const BILLING = 'Double charge and a late fee';
const ANALYTICS = '/studio/scenarios/billing-dispute/analytics';

// The summary's first figure is the number of attempts.
const attemptsShown = async (page: Page) => Number(await page.getByRole('region', { name: /, / }).getByRole('definition').first().textContent());
const openingNode = (page: Page) => page.getByRole('region', { name: /^Opening/ });
/** How often the start node's option with this text was chosen, from its table. */
const chosenAtOpening = async (page: Page, optionText: string) =>
	Number(await openingNode(page).getByRole('row', { name: new RegExp(`^${optionText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).getByRole('cell').first().textContent());

/** Starts a fresh billing attempt as this learner (finishing one left open by another test first). */
async function startFreshBilling(page: Page) {
	await gotoHydrated(page, '/scenarios');
	const card = page.getByRole('list', { name: 'Scenarios' }).getByRole('article').filter({ hasText: BILLING });
	const resume = card.getByRole('link', { name: `Resume ${BILLING}` });
	if (await resume.count()) {
		await resume.click();
		await page.locator('html[data-hydrated]').waitFor();
		await playToEnd(page);
		await gotoHydrated(page, '/scenarios');
	}
	await card.getByRole('button', { name: `Start ${BILLING}` }).click();
	await page.waitForURL(/\/play\//);
	await page.locator('html[data-hydrated]').waitFor();
}

test('a trainer sees a learner’s attempt counted and the choice they made on the scenario map', async ({ browser }) => {
	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, 'trainer@demo.test');
	await gotoHydrated(trainer, `${ANALYTICS}?period=7`);
	const before = await attemptsShown(trainer);

	const learner = await (await browser.newContext()).newPage();
	await signIn(learner, 'new.hire@demo.test');
	await startFreshBilling(learner);
	// The reply button starts with its number key.
	const firstReply = (await replyOptions(learner).first().textContent())!.trim().replace(/^\d+\s*/, '');
	const chosenBefore = await chosenAtOpening(trainer, firstReply);
	await takeStep(learner, 0);
	await playToEnd(learner);

	await gotoHydrated(trainer, `${ANALYTICS}?period=7`);
	expect(await attemptsShown(trainer)).toBe(before + 1);
	expect(await chosenAtOpening(trainer, firstReply)).toBe(chosenBefore + 1);

	// The map works from the keyboard: a node is a link to its figures.
	const mapNode = trainer.getByRole('link', { name: /^Opening ?\d+ reached/ });
	await mapNode.focus();
	await trainer.keyboard.press('Enter');
	await expect(trainer).toHaveURL(/#node-opening$/);
	await expect(openingNode(trainer)).toBeInViewport();
});

test('the filters are a plain GET form: team and period land in the address', async ({ page }) => {
	await signIn(page, 'trainer@demo.test');
	await gotoHydrated(page, ANALYTICS);
	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Harbour Team' });
	await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Last 30 days' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/team=[^&]+&period=30/);
	await expect(page.getByRole('heading', { level: 2, name: /^Harbour Team, / })).toBeVisible();
});

test('a learner may not open a scenario’s analytics', async ({ page }) => {
	await signIn(page, 'rep@demo.test');
	const response = await page.goto(ANALYTICS);
	expect(response?.status()).toBe(403);
});

test.describe('accessibility', () => {
	// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
	test.use({ bypassCSP: true });
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`the analytics page has no axe violations in the ${colorScheme} theme`, async ({ browser }) => {
			const page = await (await browser.newContext({ colorScheme, bypassCSP: true })).newPage();
			await signIn(page, 'trainer@demo.test');
			await gotoHydrated(page, ANALYTICS);
			await expectNoViolations(page, `analytics (${colorScheme})`);
		});
	}
});
