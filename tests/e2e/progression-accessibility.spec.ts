import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';

// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
test.use({ bypassCSP: true });

for (const colorScheme of ['light', 'dark'] as const) {
	test(`progress, leaderboard, calibration and credential pages have no axe violations in the ${colorScheme} theme`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await signIn(page, 'rep@demo.test');
		await expect(page.getByRole('region', { name: 'Your progress' })).toBeVisible();
		await expectNoViolations(page, 'home with progress');
		for (const path of ['/progress', '/leaderboard', '/progress/calibration/team-lead/calibrate-billing-call']) {
			await gotoHydrated(page, path);
			await expectNoViolations(page, path);
		}
		await gotoHydrated(page, '/progress');
		await page.getByRole('article', { name: 'Customer Service Representative' }).getByRole('link', { name: 'View and verify the credential' }).click();
		await page.waitForURL(/\/credentials\//);
		await expect(page.getByRole('status')).toContainText('Valid');
		await expectNoViolations(page, 'credential page');
		await page.getByRole('link', { name: 'Printable certificate' }).click();
		await page.waitForURL(/\/certificate$/);
		await expectNoViolations(page, 'printable certificate');
	});
}
