import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';
import { playToEnd, startFirstScenario, takeStep } from './support/play';

// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`in the ${colorScheme} theme`, () => {
		test.use({ colorScheme });

		test('the catalog has no axe violations', async ({ page }) => {
			await signIn(page, 'rep@demo.test');
			await gotoHydrated(page, '/scenarios');
			await expect(page.getByRole('heading', { name: 'Next up' })).toBeVisible();
			await expectNoViolations(page, 'catalog');
			await gotoHydrated(page, '/scenarios?status=passed&q=a');
			await expectNoViolations(page, 'filtered catalog');
		});

		for (const channel of ['voice', 'chat', 'email']) {
			test(`the play page of a ${channel} scenario has no axe violations, mid-conversation`, async ({ page }) => {
				await signIn(page, 'new.hire@demo.test');
				await page.goto(`/scenarios?channel=${channel}`);
				// The shipped library covers every channel (checked in unit tests): a missing one is a failure, not a skip.
				expect(await page.getByRole('list', { name: 'Scenarios' }).count(), `a published ${channel} scenario`).toBeGreaterThan(0);
				await startFirstScenario(page, `channel=${channel}`);
				await expectNoViolations(page, `${channel} play, first turn`);
				await takeStep(page, 0);
				await takeStep(page, 0);
				await expectNoViolations(page, `${channel} play, after two steps`);
			});
		}

		test('the debrief and the attempts history have no axe violations', async ({ page }) => {
			await signIn(page, 'new.hire@demo.test');
			await startFirstScenario(page, 'family=difficult-customer');
			await playToEnd(page);
			await expect(page.getByRole('heading', { name: 'Rubric breakdown' })).toBeVisible();
			await expectNoViolations(page, 'debrief');
			await gotoHydrated(page, '/attempts');
			await expectNoViolations(page, 'attempts history');
		});
	});
}
