import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';

// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
test.use({ bypassCSP: true });

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

async function create(page: Page, kind: 'Rubric' | 'Track' | 'Scenario', id: string, title: string) {
	await gotoHydrated(page, '/studio');
	await page.getByLabel(`${kind} id`).fill(id);
	await page.getByLabel(kind === 'Scenario' ? 'Title' : `${kind} name`).fill(title);
	await page.getByRole('button', { name: `Create ${kind.toLowerCase()}` }).click();
	await page.waitForURL(`/studio/${kind.toLowerCase()}s/${id}`);
	await page.locator('html[data-hydrated]').waitFor();
}

test('a trainer edits a criterion weight in the form view, sees the weights problem on its line, fixes it and publishes', async ({ page }) => {
	const id = unique('rubric-e2e');
	await signIn(page, 'trainer@demo.test');
	await create(page, 'Rubric', id, `Scorecard ${id}`);
	const yaml = page.getByLabel('Rubric YAML');

	await page.getByLabel('Criterion empathy weight').fill('60');
	await page.getByLabel('Criterion empathy weight').blur();
	await expect(page.getByRole('status').filter({ hasText: 'Weights add up to 110 (they must add up to 100)' })).toBeVisible();
	const problems = page.getByRole('list', { name: 'Problems' });
	await expect(problems).toContainText('criteria weights add up to 110; they must add up to 100');
	const line = lineOf(await yaml.inputValue(), 'criteria:');
	await problems.getByRole('button', { name: `Line ${line}` }).click();
	await expect(yaml).toBeFocused();
	await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();

	await page.getByLabel('Criterion compliance weight').fill('40');
	await page.getByLabel('Criterion compliance weight').blur();
	await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Saved: version 1, draft' })).toBeVisible();
	await page.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Published version 1' })).toBeVisible();
	await expect(yaml).toHaveValue(/weight: 60[\s\S]*weight: 40/);
});

test('a trainer edits a track requirement in the YAML view; a missing scenario is pinned to its requirement', async ({ page }) => {
	const id = unique('track-e2e');
	await signIn(page, 'trainer@demo.test');
	await create(page, 'Track', id, `Track ${id}`);
	const yaml = page.getByLabel('Track YAML');
	const original = await yaml.inputValue();

	await yaml.fill(original.replace('scenarios: [billing-dispute]', 'scenarios: [billing-dispute, no-such-scenario]'));
	const problems = page.getByRole('list', { name: 'Problems' });
	await expect(problems).toContainText('no scenario with id "no-such-scenario"');
	await expect(problems.getByRole('button', { name: `Line ${lineOf(original, 'scenarios: [')}, requirement first-scenario` })).toBeVisible();

	await yaml.fill(original.replace('scenarios: [billing-dispute]', 'scenarios: [billing-dispute, abusive-caller]'));
	await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Saved: version 1, draft' })).toBeVisible();
	await expect(page.getByLabel('Requirement first-scenario scenarios (comma-separated)')).toHaveValue('billing-dispute, abusive-caller');
});

test('a trainer archives a published scenario and restores it from the studio list', async ({ page }) => {
	const id = unique('restore-e2e');
	const title = `Restore me ${id}`;
	await signIn(page, 'trainer@demo.test');
	await create(page, 'Scenario', id, title);
	await page.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Published version 1' })).toBeVisible();

	await gotoHydrated(page, '/studio');
	await page.getByRole('button', { name: `Archive ${title}` }).click();
	await expect(page.getByRole('status').filter({ hasText: `Archived "${id}"` })).toBeVisible();
	await page.getByRole('button', { name: `Restore ${title}` }).click();
	await expect(page.getByRole('status').filter({ hasText: `Restored "${id}" version 1` })).toBeVisible();
	await expect(page.getByRole('button', { name: `Archive ${title}` })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`in the ${colorScheme} theme`, () => {
		test.use({ colorScheme });
		test('the rubric and track editors have no axe violations', async ({ page }) => {
			await signIn(page, 'trainer@demo.test');
			await gotoHydrated(page, '/studio/rubrics/customer-service');
			await expect(page.getByRole('status').filter({ hasText: /problem/ })).toBeVisible();
			await expectNoViolations(page, 'rubric editor');
			await gotoHydrated(page, '/studio/tracks/sales-agent');
			await expect(page.getByRole('status').filter({ hasText: /problem/ })).toBeVisible();
			await expectNoViolations(page, 'track editor');
			await gotoHydrated(page, '/studio/tracks/sales-agent/versions');
			await expectNoViolations(page, 'track versions');
		});
	});
}
