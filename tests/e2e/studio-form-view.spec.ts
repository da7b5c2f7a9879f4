import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated, signIn } from './support/hydration';

async function createScenario(page: Page, id: string) {
	await gotoHydrated(page, '/studio');
	await page.getByLabel('Scenario id').fill(id);
	await page.getByLabel('Title').fill(`Form view ${id}`);
	await page.getByRole('button', { name: 'Create scenario' }).click();
	await page.waitForURL(`/studio/scenarios/${id}`);
	await page.locator('html[data-hydrated]').waitFor();
}

test("a trainer sets an option's effect and evidence, an ending's outcome and a CRM field in the form view, and it saves", async ({ page }) => {
	const id = `form-e2e-${Date.now().toString(36)}`;
	await signIn(page, 'trainer@demo.test');
	await createScenario(page, id);
	const yaml = page.getByLabel('Scenario YAML');

	await page.getByText('Effects and evidence of option rush').click();
	await page.getByLabel('Option rush mood change').fill('-2');
	await page.getByLabel('Option rush mood change').blur();
	await expect(yaml).toHaveValue(/evidence: \{ compliance: 0 \}\n\s+go: check\n\s+effects:\n\s+mood: -2/);
	await page.getByLabel('Option rush evidence for Empathy and de-escalation').selectOption('1');
	await expect(yaml).toHaveValue(/evidence: \{ compliance: 0, empathy: 1 \}/);

	await page.getByLabel('Ending of breach').selectOption({ label: 'Customer lost' });
	await expect(yaml).toHaveValue(/breach:\n\s+outcome: customer-lost/);

	await page.getByLabel('New CRM field name').fill('Plan');
	await page.getByLabel('New CRM field value').fill('Gold');
	await page.getByRole('button', { name: 'Add CRM field' }).click();
	await expect(page.getByLabel('CRM field Plan')).toHaveValue('Gold');
	await expect(yaml).toHaveValue(/# Who is calling/);

	await expect(page.getByRole('status').filter({ hasText: '4 changes can be undone' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Saved: version 1, draft' })).toBeVisible();
	await gotoHydrated(page, `/studio/scenarios/${id}`);
	await expect(page.getByLabel('Scenario YAML')).toHaveValue(/outcome: customer-lost/);
	await expect(page.getByLabel('Scenario YAML')).toHaveValue(/empathy: 1/);
});

test('evidence a critical rule forbids shows up as a problem pinned to the option', async ({ page }) => {
	const id = `form-e2e-fail-${Date.now().toString(36)}`;
	await signIn(page, 'trainer@demo.test');
	await createScenario(page, id);
	await page.getByText('Effects and evidence of option rush').click();
	await page.getByLabel('Option rush evidence for Empathy and de-escalation').selectOption('fail');
	const problems = page.getByRole('list', { name: 'Problems' });
	await expect(problems.getByRole('button', { name: /node greet$/ }).first()).toBeVisible();
	await page.getByRole('button', { name: 'Undo last form change' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();
});
