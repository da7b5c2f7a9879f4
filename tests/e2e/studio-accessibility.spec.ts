import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';

// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`in the ${colorScheme} theme`, () => {
	test.use({ colorScheme });
	test('the studio list, editor and versions have no axe violations', async ({ page }) => {
		await signIn(page, 'trainer@demo.test');
		await gotoHydrated(page, '/studio');
		await expectNoViolations(page, 'studio list');
		await gotoHydrated(page, '/studio/scenarios/billing-dispute');
		await expect(page.getByRole('status').filter({ hasText: /problem/ })).toBeVisible();
		await expectNoViolations(page, 'editor');
		await gotoHydrated(page, '/studio/scenarios/billing-dispute/versions');
		await expectNoViolations(page, 'versions');
	});
	});
}
