import type { Frame, Page } from '@playwright/test';

/** What one page render gave away: payloads that ran, CSP blocks, dialogs, and live markup in the DOM. */
export interface XssFindings {
	executions: string[];
	/** Blocked by the CSP on an element in the page: markup a payload got into the live DOM. */
	cspViolations: string[];
	/**
	 * Blocked by the CSP while parsing into an inert document: Chromium reports an inline handler
	 * even in DOMParser or <template> parsing, which is how DOMPurify reads Markdown output before
	 * it strips the handler. Nothing there can run; these are counted as "blocked", not failures.
	 */
	cspWhileSanitising: string[];
	dialogs: string[];
	dangerousMarkup: string[];
}

/**
 * Installs, before any of the page's own scripts, a `__xssHit(n)` every payload calls, traps
 * alert/confirm/prompt, and reports CSP violations. `exposeBinding` reaches every frame, even a
 * cross-origin data: or srcdoc frame a payload might have created.
 */
export async function installXssDetector(page: Page): Promise<XssFindings> {
	const findings: XssFindings = { executions: [], cspViolations: [], cspWhileSanitising: [], dialogs: [], dangerousMarkup: [] };
	await page.exposeBinding('__xssReport', ({ frame }, kind: string, detail: string) => {
		const where = `${frame.url().slice(0, 120)}: ${detail}`;
		(kind === 'csp-live' ? findings.cspViolations : kind === 'csp-inert' ? findings.cspWhileSanitising : findings.executions).push(where);
	});
	await page.addInitScript(() => {
		const w = window as unknown as Record<string, unknown> & { __xssReport: (kind: string, detail: string) => void };
		const report = (kind: string, detail: string) => {
			try {
				w.__xssReport(kind, detail);
			} catch {
				// the binding is not there yet in a frame that is being torn down
			}
		};
		w.__xssHit = (n: unknown) => report('hit', `payload ${String(n)} ran`);
		for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = (arg: unknown) => report('hit', `${name}(${String(arg)})`);
		document.addEventListener('securitypolicyviolation', (e) => {
			const live = e.target instanceof Element && e.target.isConnected;
			const target = e.target instanceof Element ? e.target.outerHTML.slice(0, 100) : 'an inert document';
			report(live ? 'csp-live' : 'csp-inert', `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} on ${target}`);
		}, true);
	});
	page.on('dialog', (dialog) => {
		findings.dialogs.push(dialog.message());
		dialog.dismiss().catch(() => {});
	});
	return findings;
}

/**
 * Looks through every frame for markup that could run on a click or hover the test did not make:
 * on* attributes, and javascript:/vbscript:/data:text/html in links, frames, forms or SVG hrefs.
 */
export async function dangerousMarkup(page: Page): Promise<string[]> {
	const inFrame = (frame: Frame) =>
		frame
			.evaluate(() => {
				const found: string[] = [];
				// A scheme the browser would run (`javascript%3A…` is a harmless relative path, not a scheme).
				const risky = /^(javascript:|vbscript:|livescript:|data:text\/html)/i;
				for (const el of document.querySelectorAll('*')) {
					for (const attr of el.attributes) {
						const name = attr.name.toLowerCase();
						const value = attr.value.replace(/[\u0000-\u0020]/g, '');
						if (name.startsWith('on')) found.push(`<${el.localName} ${name}="${attr.value.slice(0, 60)}">`);
						else if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name) && (risky.test(value) || name === 'srcdoc'))
							found.push(`<${el.localName} ${name}="${attr.value.slice(0, 60)}">`);
					}
					if (el.localName === 'script' && !el.hasAttribute('nonce') && !(el as HTMLScriptElement).src && !/json/i.test(el.getAttribute('type') ?? '')) found.push(`<script> without a nonce: ${el.textContent?.slice(0, 60)}`);
				}
				return found;
			})
			.catch(() => [] as string[]);
	return (await Promise.all(page.frames().map(inFrame))).flat();
}
