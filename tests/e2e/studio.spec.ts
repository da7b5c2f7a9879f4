import { expect, test } from '@playwright/test';
import { gotoHydrated, signIn } from './support/hydration';

test('a trainer creates a scenario, fixes a problem pinned to a node, play-tests from a middle node and publishes; a learner then sees it', async ({ page, browser }) => {
	const id = `studio-e2e-${Date.now().toString(36)}`;
	const title = `Double charge ${id}`;
	await signIn(page, 'trainer@demo.test');
	await gotoHydrated(page, '/studio');
	await page.getByLabel('Scenario id').fill(id);
	await page.getByLabel('Title').fill(title);
	await page.getByRole('button', { name: 'Create scenario' }).click();
	await page.waitForURL(`/studio/scenarios/${id}`);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

	const yaml = page.getByLabel('Scenario YAML');
	const original = await yaml.inputValue();
	await yaml.fill(original.replace('go: resolved', 'go: nowhere'));
	const problem = page.getByRole('list', { name: 'Problems' }).getByRole('button', { name: /node check$/ });
	await expect(problem.first()).toBeVisible();
	await expect(page.getByRole('list', { name: 'Problems' })).toContainText('nowhere');
	await expect(page.getByRole('status').filter({ hasText: 'Unsaved changes' })).toBeVisible();

	await yaml.fill(original.replace('So can you fix it?', 'So can you fix it or not?'));
	await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();
	await page.getByRole('button', { name: 'Save draft' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved: version 1, draft' })).toBeVisible();

	await page.getByRole('link', { name: 'Node resolved, ending: Resolved' }).click();
	await expect(yaml).toBeFocused();
	expect(await yaml.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('  resolved:');

	await page.getByLabel('Start at node').selectOption('check');
	await page.getByLabel('Flags already set (comma-separated)').fill('verified');
	await page.getByRole('button', { name: 'Start play-test' }).click();
	await page.waitForURL(/\/play\//);
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByRole('log')).toContainText('So can you fix it or not?');
	await expect(page.getByRole('heading', { name: 'Play-test' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^Score so far: [\d.]+ \(pass mark 80\)$/ })).toBeVisible();
	await page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: /refunded the second charge/ }).click();
	await page.waitForURL(/\/attempts\//);

	await gotoHydrated(page, `/studio/scenarios/${id}`);
	await page.getByRole('button', { name: 'Publish version 1' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Published version 1' })).toBeVisible();

	const learner = await (await browser.newContext()).newPage();
	await signIn(learner, 'new.hire@demo.test');
	await gotoHydrated(learner, '/scenarios');
	await learner.getByLabel('Search by title').fill(id);
	await learner.getByRole('button', { name: 'Filter' }).click();
	await expect(learner.getByRole('list', { name: 'Scenarios' }).getByRole('heading', { name: title })).toBeVisible();
});

test('a learner gets 403 from the studio', async ({ page }) => {
	await signIn(page, 'new.hire@demo.test');
	const response = await page.goto('/studio');
	expect(response?.status()).toBe(403);
});

test('the form view edits the same YAML in place, keeps comments, and undoes', async ({ page }) => {
	const id = `studio-form-${Date.now().toString(36)}`;
	await signIn(page, 'trainer@demo.test');
	await gotoHydrated(page, '/studio');
	await page.getByLabel('Scenario id').fill(id);
	await page.getByLabel('Title').fill(`Form view ${id}`);
	await page.getByRole('button', { name: 'Create scenario' }).click();
	await page.waitForURL(`/studio/scenarios/${id}`);
	await page.locator('html[data-hydrated]').waitFor();
	const yaml = page.getByLabel('Scenario YAML');
	const original = await yaml.inputValue();

	await page.getByLabel('Customer line in greet').fill('You charged me twice. Again.');
	await page.getByLabel('Customer line in greet').blur();
	await expect(yaml).toHaveValue(/customer: You charged me twice\. Again\./);
	await page.getByLabel('Option rush goes to').selectOption('resolved');
	await expect(page.getByRole('status').filter({ hasText: '2 changes can be undone' })).toBeVisible();
	expect(await yaml.inputValue()).toContain('# Who is calling');

	await page.getByRole('button', { name: 'Undo last form change' }).click();
	await page.getByRole('button', { name: 'Undo last form change' }).click();
	await expect(yaml).toHaveValue(original);
});

test('persona notes render as sanitised Markdown and cannot run script', async ({ page }) => {
	const id = `studio-notes-${Date.now().toString(36)}`;
	await signIn(page, 'trainer@demo.test');
	await gotoHydrated(page, '/studio');
	await page.getByLabel('Scenario id').fill(id);
	await page.getByLabel('Title').fill(`Notes ${id}`);
	await page.getByRole('button', { name: 'Create scenario' }).click();
	await page.waitForURL(`/studio/scenarios/${id}`);
	await page.locator('html[data-hydrated]').waitFor();
	const notes = page.getByLabel('Notes for trainers (Markdown)');
	await notes.fill('Stays **calm** unless rushed. <img src="x" onerror="window.pwned = 1"> <script>window.pwned = 2</script>');
	await notes.blur();
	await expect(page.getByRole('strong').filter({ hasText: 'calm' })).toBeVisible();
	await expect(page.getByLabel('Scenario YAML')).toHaveValue(/notes: /);
	expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});
