/**
 * The Content-Security-Policy of answers that are not pages (JSON, CSV, YAML, redirects, plain-text
 * errors). SvelteKit adds a nonce-based policy to the pages it renders (svelte.config.js kit.csp);
 * anything else is never meant to run or embed anything, so it allows nothing at all.
 */
export const NON_PAGE_CSP = "default-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
