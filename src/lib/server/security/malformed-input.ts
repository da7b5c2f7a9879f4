import type { RequestEvent } from '@sveltejs/kit';
import { jsonError } from '../http-errors';
import { hasNul } from '../json-body';

// Found by fuzzing (tests/integration/fuzz-api.test.ts); each of these used to answer 500.

/** `/attempts/%00`: nothing can live at a path with a NUL in it. */
export function nulPathAnswer({ url }: RequestEvent): Response | undefined {
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return undefined; // SvelteKit answers a malformed escape itself
	}
	if (!path.includes('\u0000')) return undefined;
	return url.pathname.startsWith('/api/') ? jsonError(404, 'Not found') : new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

const badRequest = (message: string) => new Response(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * A form post whose body cannot be read as a form (a truncated multipart body, `text/plain`)
 * would make `request.formData()` throw inside an action; a NUL in a field would fail the query.
 * Either gets a 400 before any action runs.
 */
export async function unreadableFormAnswer({ request, url }: RequestEvent): Promise<Response | undefined> {
	if (url.pathname.startsWith('/api/')) return undefined; // the API reads JSON and answers 415 itself
	let fields: [string, FormDataEntryValue][];
	try {
		fields = [...(await request.clone().formData())];
	} catch {
		return badRequest('The form could not be read; send it as application/x-www-form-urlencoded or multipart/form-data');
	}
	if (fields.some(([name, value]) => hasNul(name) || hasNul(value))) return badRequest('A form field may not contain the NUL character');
	return undefined;
}
