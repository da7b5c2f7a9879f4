import { expect, type Page } from '@playwright/test';
import { gotoHydrated } from './hydration';

/** Starts (or resumes) the first scenario the catalog lists for a query such as `family=leadership`. */
export async function startFirstScenario(page: Page, query: string): Promise<string> {
	await gotoHydrated(page, `/scenarios?${query}`);
	const card = page.getByRole('list', { name: 'Scenarios' }).getByRole('article').first();
	const title = (await card.getByRole('heading', { level: 3 }).textContent())!.trim();
	await card.getByRole('button', { name: `Start ${title}` }).or(card.getByRole('link', { name: `Resume ${title}` })).click();
	await page.waitForURL(/\/play\//);
	await page.locator('html[data-hydrated]').waitFor();
	return title;
}

export const replyOptions = (page: Page) => page.getByRole('group', { name: 'Your reply' }).getByRole('button');
export const conversation = (page: Page) => page.getByRole('log');
const onDebrief = (page: Page) => new URL(page.url()).pathname.startsWith('/attempts/');

/**
 * Takes one step and waits until the server's answer is on screen: the conversation grew, or the
 * attempt ended and the debrief opened. `how` picks by click, by number key, or by Enter on the
 * focused first option.
 */
export async function takeStep(page: Page, index: number, how: 'click' | 'keyboard' = 'click') {
	const lines = conversation(page).getByRole('listitem');
	const before = await lines.count();
	if (how === 'click') await replyOptions(page).nth(index).click();
	else if (index === 0 && (await replyOptions(page).first().evaluate((el) => el === document.activeElement))) await page.keyboard.press('Enter');
	else await page.keyboard.press(String(index + 1));
	const group = page.getByRole('group', { name: 'Your reply' });
	// Answered: on the debrief, or the conversation grew and the replies are enabled again.
	const answered = async () =>
		onDebrief(page) ||
		((await lines.count()) > before && (await group.getByRole('button', { disabled: true }).count()) === 0 && (await group.getByRole('button').count()) > 0);
	await expect.poll(answered, { timeout: 10_000 }).toBe(true);
}

/**
 * Plays to the end whatever the content: the first option each time, but the next one along
 * whenever the same set of options comes back, so a loop in a scenario cannot trap the test.
 */
export async function playToEnd(page: Page, how: 'click' | 'keyboard' = 'click', maxSteps = 60) {
	const seen = new Map<string, number>();
	for (let step = 0; step < maxSteps && !onDebrief(page); step++) {
		const texts = await replyOptions(page).allTextContents();
		const key = texts.join('|');
		const visits = seen.get(key) ?? 0;
		seen.set(key, visits + 1);
		await takeStep(page, Math.min(visits % texts.length, 8), how);
	}
	await page.waitForURL(/\/attempts\//);
}
