import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';
import { playToEnd, startFirstScenario } from './support/play';

// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
test.use({ bypassCSP: true });

/** axe in both themes: contrast is checked against each palette. */
async function expectAccessibleInBothThemes(page: Page, what: string) {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoViolations(page, `${what} (${colorScheme})`);
	}
}

async function signedInPage(browser: Browser, email: string) {
	const page = await (await browser.newContext({ bypassCSP: true })).newPage();
	await signIn(page, email);
	return page;
}

test('a lead comments on a turn, the new hire appeals, a trainer overrides a criterion, the audit log shows it', async ({ browser }) => {
	test.setTimeout(120_000);
	const comment = `Acknowledge the charge before you explain it (${Date.now()}).`;
	const reason = `The customer had verified in the IVR; the first criterion was scored too high (${Date.now()}).`;

	// The new hire plays an attempt through the UI.
	const hire = await signedInPage(browser, 'new.hire@demo.test');
	await startFirstScenario(hire, 'family=difficult-customer');
	await playToEnd(hire);
	const attemptId = new URL(hire.url()).pathname.split('/').pop()!;

	// The lead reviews it and comments on the first turn.
	const lead = await signedInPage(browser, 'lead@demo.test');
	await gotoHydrated(lead, `/team/attempts/${attemptId}`);
	await expect(lead.getByRole('heading', { level: 1 })).toContainText('Noor Haddad:');
	await lead.getByLabel('Comment on turn 1', { exact: true }).fill(comment);
	const firstTurn = lead.getByRole('listitem').filter({ has: lead.getByRole('heading', { name: 'Turn 1', exact: true }) });
	await firstTurn.getByRole('button', { name: 'Add comment' }).click();
	await expect(lead.getByText('Comment added')).toBeVisible();
	await expect(lead.getByRole('list', { name: 'Coaching comments on turn 1' })).toContainText(comment);
	await expectAccessibleInBothThemes(lead, 'attempt review with comments');

	// The new hire is notified, reads the comment on the debrief and appeals.
	await gotoHydrated(hire, '/');
	await hire.getByRole('link', { name: /Notifications.*unread/ }).click();
	await expect(hire.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
	await expect(hire.getByRole('listitem').filter({ hasText: 'commented on turn 1' }).first()).toBeVisible();
	await expectAccessibleInBothThemes(hire, '/notifications');
	await hire.getByRole('link', { name: 'Open the attempt' }).first().click();
	await hire.waitForURL(`**/attempts/${attemptId}`);
	await hire.locator('html[data-hydrated]').waitFor();
	await expect(hire.getByRole('list', { name: 'Coaching comments on turn 1' })).toContainText(comment);
	await expectAccessibleInBothThemes(hire, 'debrief with comments');
	await hire.getByLabel('Why should the score be looked at again?').fill('I did verify the customer before changing the account.');
	await hire.getByRole('button', { name: 'Send appeal' }).click();
	await expect(hire.getByText('Your appeal was sent.')).toBeVisible();
	await expect(hire.getByText('Open: waiting for a decision')).toBeVisible();

	// The trainer finds it in the appeals queue and overrides one criterion with a reason.
	const trainer = await signedInPage(browser, 'trainer@demo.test');
	await trainer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appeals' }).click();
	await expect(trainer.getByRole('heading', { name: 'Appeals', level: 1 })).toBeVisible();
	await trainer.locator('html[data-hydrated]').waitFor();
	await expectAccessibleInBothThemes(trainer, '/appeals');
	await trainer.getByRole('link', { name: 'Noor Haddad' }).first().click();
	await expect(trainer.getByRole('heading', { name: /^Appeal: Noor Haddad/ })).toBeVisible();
	await trainer.locator('html[data-hydrated]').waitFor();
	await expectAccessibleInBothThemes(trainer, 'appeal decision');
	// The first criterion of whatever rubric the scenario uses, set to a score it did not have.
	const scoreField = trainer.getByRole('spinbutton').first();
	const criterion = (await scoreField.evaluate((input: HTMLInputElement) => input.labels?.[0]?.textContent ?? '')).trim();
	await scoreField.fill('42');
	await trainer.getByLabel('Reason for the override').fill(reason);
	await trainer.getByRole('button', { name: 'Override scores' }).click();
	await trainer.waitForURL('**/appeals');

	// The new hire sees the adjusted score and why.
	await gotoHydrated(hire, `/attempts/${attemptId}`);
	const adjusted = hire.getByRole('region', { name: 'Adjusted on appeal' });
	await expect(adjusted).toContainText(reason);
	await expect(adjusted.getByRole('row').filter({ has: hire.getByRole('rowheader', { name: criterion, exact: true }) }).getByRole('cell').last()).toHaveText('42');

	// The admin's audit log shows the override, found with the action filter.
	const admin = await signedInPage(browser, 'admin@demo.test');
	await gotoHydrated(admin, '/admin/audit');
	await admin.getByLabel('Action').selectOption('attempt.score-overridden');
	await admin.getByRole('button', { name: 'Filter' }).click();
	await admin.waitForURL(/action=attempt\.score-overridden/);
	const row = admin.getByRole('row').filter({ hasText: reason });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Tamsin Okafor');
});
