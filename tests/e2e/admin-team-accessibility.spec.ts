import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';

// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`in the ${colorScheme} theme`, () => {
		test.use({ colorScheme });

		test('the admin pages have no axe violations', async ({ page }) => {
			await signIn(page, 'admin@demo.test');
			for (const path of ['/admin', '/admin/people', '/admin/teams', '/admin/tokens', '/admin/audit', '/admin/import', '/admin/export', '/team']) {
				await gotoHydrated(page, path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await expectNoViolations(page, path);
			}
		});

		test('the team view and an attempt review have no axe violations', async ({ page }) => {
			await signIn(page, 'lead@demo.test');
			await gotoHydrated(page, '/team');
			await expect(page.getByRole('heading', { name: 'Competency heatmap' })).toBeVisible();
			await expectNoViolations(page, 'team');
			await page.getByRole('link', { name: /^Review Ray Esposito's attempt/ }).first().click();
			await expect(page.getByText('Attempt review (read-only)')).toBeVisible();
			await expectNoViolations(page, 'attempt review');
		});
	});
}
