import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

const AXE_SCRIPT = resolve('node_modules/axe-core/axe.min.js');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/**
 * Runs axe-core in the page against WCAG 2.1 A/AA and best practices. The script is injected
 * inline, which the app's CSP forbids, so callers use a context with `bypassCSP: true`.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await page.addScriptTag({ path: AXE_SCRIPT });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<any> } }).axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
		});
		return result.violations.map((v: any) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.map((n: any) => n.target.join(' '))
		}));
	});
}

/** Fails with the full list of violations, named after what was being checked. */
export async function expectNoViolations(page: Page, what: string) {
	const violations = await axeViolations(page);
	expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
