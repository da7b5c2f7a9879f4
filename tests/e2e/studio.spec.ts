import { expect, test } from '@playwright/test';
import { gotoHydrated, signIn } from './support/hydration';

test('a trainer creates a scenario, fixes a problem pinned to a node, play-tests from a middle node, publishes and assigns it; the new hire plays it; the trainer sees the attempt in the analytics', async ({ page, browser }) => {
	test.setTimeout(120_000);
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

	// Assigned to the new hire's team, it heads their "Next up" with the trainer's note.
	const note = `Practise this before your first billing shift (${id}).`;
	await gotoHydrated(page, '/assignments/new');
	await page.getByLabel('Scenario or track').selectOption({ label: title });
	await page.getByLabel('A team').check();
	await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Harbour Team' });
	await page.getByLabel('Due date').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
	await page.getByLabel('Note for the learners (optional)').fill(note);
	await page.getByRole('button', { name: 'Assign' }).click();
	await page.waitForURL(/\/assignments\/[0-9a-f-]{36}$/);

	await gotoHydrated(learner, '/scenarios');
	const nextUp = learner.getByRole('region', { name: 'Next up' });
	await expect(nextUp).toContainText(note);
	await nextUp.getByRole('button', { name: `Start ${title}` }).first().click();
	await learner.waitForURL(/\/play\//);
	await learner.locator('html[data-hydrated]').waitFor();
	const reply = learner.getByRole('group', { name: 'Your reply' });
	await reply.getByRole('button', { name: /Can I confirm your name/ }).click();
	await expect(learner.getByRole('log')).toContainText('So can you fix it or not?');
	await reply.getByRole('button', { name: /refunded the second charge/ }).click();
	await learner.waitForURL(/\/attempts\//);

	// The play-test earlier does not count; the new hire's attempt does, with the choice they made.
	await gotoHydrated(page, `/studio/scenarios/${id}`);
	await page.getByRole('link', { name: /^Analytics/ }).click();
	await page.waitForURL(`/studio/scenarios/${id}/analytics`);
	const summary = page.getByRole('region', { name: /, / });
	await expect(summary.getByRole('definition').first()).toHaveText('1');
	const greet = page.getByRole('region', { name: /^Greet/ });
	await expect(greet.getByRole('row', { name: /^I'm sorry about that/ }).getByRole('cell').first()).toHaveText('1');
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
