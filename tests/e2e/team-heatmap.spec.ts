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
