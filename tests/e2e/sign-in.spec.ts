import { expect, test } from '@playwright/test';
import { gotoHydrated, signIn } from './support/hydration';

const homes = [
	{ email: 'new.hire@demo.test', name: 'Noor', heading: 'Your practice', nav: 'Scenarios' },
	{ email: 'rep@demo.test', name: 'Ray', heading: 'Your practice', nav: 'Progress' },
	{ email: 'trainer@demo.test', name: 'Tamsin', heading: 'Trainer desk', nav: 'Studio' },
	{ email: 'lead@demo.test', name: 'Leon', heading: 'Your team', nav: 'Team' },
	{ email: 'admin@demo.test', name: 'Ada', heading: 'Administration', nav: 'Admin' }
];

for (const home of homes) {
	test(`${home.email} signs in and sees their home`, async ({ page }) => {
		await signIn(page, home.email);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${home.name}`);
		await expect(page.getByRole('heading', { name: home.heading })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: home.nav })).toBeVisible();
	});
}

test('a wrong password gets one neutral message and keeps the email', async ({ page }) => {
	await gotoHydrated(page, '/signin');
	await page.getByLabel('Email').fill('rep@demo.test');
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('That email and password do not match an active account.');
	await expect(page.getByLabel('Email')).toHaveValue('rep@demo.test');
});

test('a learner gets 403 on the studio, team and admin pages', async ({ page }) => {
	await signIn(page, 'new.hire@demo.test');
	for (const path of ['/studio', '/team', '/admin']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not for your role');
	}
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studio' })).toHaveCount(0);
});

test('signing out ends the session', async ({ page }) => {
	await signIn(page, 'rep@demo.test');
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.waitForURL('**/signin');
	await page.goto('/progress');
	await expect(page).toHaveURL(/\/signin\?redirectTo=%2Fprogress/);
});

test('the sign-in form works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/signin');
	await page.getByLabel('Email').fill('lead@demo.test');
	await page.getByLabel('Password').fill('rapport-demo');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Your team' })).toBeVisible();
	await context.close();
});
