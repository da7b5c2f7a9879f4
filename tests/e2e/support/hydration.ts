import type { Page } from '@playwright/test';

/**
 * Waits until the page takes input: hydrated, so clicks reach their handlers; or, for a page sent
 * without SvelteKit's client (`csr = false`, no script at all), as soon as it has loaded.
 */
export async function waitUntilReady(page: Page) {
	if ((await page.locator('script').count()) === 0) return;
	await page.locator('html[data-hydrated]').waitFor();
}

/** Navigates and waits until the page takes input (see waitUntilReady). */
export async function gotoHydrated(page: Page, url: string) {
	await page.goto(url);
	await waitUntilReady(page);
}

export async function signIn(page: Page, email: string, password = 'rapport-demo') {
	await gotoHydrated(page, '/signin');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	await waitUntilReady(page);
}
