import { expect, test } from '@playwright/test';
import { expertCriterionScoresOf } from '../factories/calibration-scores';
import { expectNoViolations } from './support/axe';
import { gotoHydrated, signIn } from './support/hydration';

// axe is injected as an inline script, which the app's CSP (rightly) refuses: these tests only.
test.use({ bypassCSP: true });

const PATH = '/progress/calibration/team-lead/calibrate-billing-call';

// One lead per theme, so each submits this exercise once (a fresh database per run).
for (const [colorScheme, lead] of [['light', 'lead@demo.test'], ['dark', 'grace.lead@demo.test']] as const) {
	test(`a team lead scores the shared recording criterion by criterion and sees the gaps and flags (${colorScheme} theme, axe)`, async ({ page }) => {
		const criteria = await expertCriterionScoresOf('team-lead', 'calibrate-billing-call');
		// The first criterion 20 points off the expert (up, unless that passes 100): flagged.
		const off = criteria[0];
		const shift = off.expert + 20 <= 100 ? 20 : -20;
		await page.emulateMedia({ colorScheme });
		await signIn(page, lead);
		await gotoHydrated(page, PATH);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Score a recorded billing call within 10 points of the QA expert');
		await expectNoViolations(page, 'calibration scorecard');
		for (const c of criteria) {
			await page.getByLabel(c.label).fill(String(c === off ? c.expert + shift : c.expert));
		}
		await page.getByRole('button', { name: 'Submit scores' }).click();
		const table = page.getByRole('table', { name: /criterion by criterion/ });
		await expect(table).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'Not calibrated yet' })).toBeVisible();
		const flaggedRow = table.getByRole('row', { name: new RegExp(`^${off.label}`) });
		await expect(flaggedRow).toContainText('More than 10 points from the expert');
		await expect(flaggedRow.getByRole('cell').nth(2)).toHaveText(shift > 0 ? '+20' : '-20');
		const agreeingRow = table.getByRole('row', { name: new RegExp(`^${criteria[1].label}`) });
		await expect(agreeingRow.getByRole('cell').nth(2)).toHaveText('0');
		await expect(agreeingRow).not.toContainText('More than 10 points');
		await expectNoViolations(page, 'calibration result');
		await gotoHydrated(page, '/team');
		await page.getByRole('link', { name: 'Team calibration' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Team calibration' })).toBeVisible();
		await expectNoViolations(page, 'team calibration');
	});
}

test.describe('the LRS admin page', () => {
	test('has no axe violations in either theme', async ({ page }) => {
		await signIn(page, 'admin@demo.test');
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await gotoHydrated(page, '/admin');
			await page.getByRole('link', { name: 'LRS forwarding' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'LRS forwarding' })).toBeVisible();
			await expectNoViolations(page, `/admin/lrs (${colorScheme})`);
		}
	});
});
