import { isRedirect, type RequestEvent } from '@sveltejs/kit';

/**
 * A redirect thrown by a hook (the sign-in redirect) would reach SvelteKit past the hooks that set
 * security headers; for a plain page request it becomes an answer here and gets them like any other.
 * Data and action requests are left to SvelteKit, which answers those with a JSON redirect.
 */
export function redirectAsResponse(e: unknown, event: RequestEvent): Response {
	if (!isRedirect(e) || event.isDataRequest || event.request.method !== 'GET') throw e;
	return new Response(null, { status: e.status, headers: { location: e.location } });
}
