import { expect, test } from '@playwright/test';
import { gotoHydrated, signIn } from './support/hydration';

const csvFile = (text: string) => ({ name: 'cohort.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

test('an admin imports a cohort: a bad row is refused with its line, a good file imports, and a new person signs in', async ({ page, browser }) => {
	await signIn(page, 'admin@demo.test');
	await gotoHydrated(page, '/admin/import');
	await page.getByLabel('CSV file').setInputFiles(csvFile('email,name,team\nolu.e2e@demo.test,Olu Bakare,Harbour Team\nwren.e2e@demo,Wren Ito,Harbour Team\n'));
	await page.getByRole('button', { name: 'Check file' }).click();
	await expect(page.getByRole('heading', { name: '1 problem(s): nothing will be imported' })).toBeVisible();
	await expect(page.getByText('Line 3: "wren.e2e@demo" is not an email address')).toBeVisible();
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

	await page.getByLabel('CSV file').setInputFiles(csvFile('email,name,team\nolu.e2e@demo.test,Olu Bakare,Harbour Team\nwren.e2e@demo.test,Wren Ito,Harbour Team\n'));
	await page.getByRole('button', { name: 'Check file' }).click();
	await expect(page.getByRole('heading', { name: 'Every row is good' })).toBeVisible();
	await page.getByRole('button', { name: 'Import 2 changes' }).click();
	await expect(page.getByRole('status')).toContainText('Imported: 2 new, 0 joined a team, 0 unchanged.');
	const row = page.getByRole('row', { name: /wren\.e2e@demo\.test/ });
	const password = (await row.getByRole('cell').last().textContent())!.trim();

	const context = await browser.newContext();
	const newcomer = await context.newPage();
	await signIn(newcomer, 'wren.e2e@demo.test', password);
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Welcome, Wren');
	await context.close();
});
