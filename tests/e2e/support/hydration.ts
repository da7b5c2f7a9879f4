import type { Page } from '@playwright/test';

/** Navigates and waits until Svelte has hydrated, so clicks reach their handlers. */
export async function gotoHydrated(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor();
}

export async function signIn(page: Page, email: string, password = 'rapport-demo') {
	await gotoHydrated(page, '/signin');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	await page.locator('html[data-hydrated]').waitFor();
}
