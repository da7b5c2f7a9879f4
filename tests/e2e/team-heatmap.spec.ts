import { expect, test } from '@playwright/test';
import { gotoHydrated, signIn } from './support/hydration';

test('the team lead opens /team, sees the heatmap and reviews a member attempt', async ({ page }) => {
	await signIn(page, 'lead@demo.test');
	await gotoHydrated(page, '/team');
	await expect(page.getByRole('heading', { name: 'Competency heatmap' })).toBeVisible();
	const heatmap = page.getByRole('table', { name: 'Competency heatmap: members by rubric criterion' });
	await expect(heatmap.getByRole('rowheader', { name: 'Ray Esposito' })).toBeVisible();
	await expect(heatmap.getByRole('columnheader', { name: 'Coach on' })).toBeVisible();
	await page.getByRole('link', { name: /^Review Ray Esposito's attempt/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Ray Esposito:');
	await expect(page.getByText('Attempt review (read-only)')).toBeVisible();
});

test('the team page, sent without the client, opens from the nav of a hydrated page too', async ({ page }) => {
	await signIn(page, 'lead@demo.test');
	await gotoHydrated(page, '/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team', exact: true }).click();
	await expect(page).toHaveURL(/\/team$/);
	await expect(page.getByRole('table', { name: 'Competency heatmap: members by rubric criterion' }).getByRole('rowheader', { name: 'Ray Esposito' })).toBeVisible();
});

test('an admin picks a team on /team with the keyboard and sees just its people', async ({ page }) => {
	await signIn(page, 'admin@demo.test');
	await gotoHydrated(page, '/team');
	const members = page.getByRole('table', { name: /^Team members/ });
	await expect(members.getByRole('rowheader', { name: /Ray Esposito/ })).toBeVisible();
	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Summit Team' });
	await page.getByRole('button', { name: 'Show' }).press('Enter');
	await expect(page).toHaveURL(/\/team\?team=/);
	await expect(members.getByRole('rowheader', { name: /Priya Nair/ })).toBeVisible();
	await expect(members.getByRole('rowheader', { name: /Ray Esposito/ })).toHaveCount(0);
});
