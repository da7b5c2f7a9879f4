import type { Handle } from '@sveltejs/kit';
import { jsonError } from '../http-errors';
import { log } from '../log';
import { nulPathAnswer, unreadableFormAnswer } from './malformed-input';

// The content types a page on another site can send without a CORS preflight.
const SIMPLE_FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses cross-site form posts (CSRF) with 403. SvelteKit's own check is off (svelte.config.js)
 * because it also refused scripts that send a bearer token: a browser cannot attach one to a
 * cross-site form, so those requests carry no CSRF risk and go on to a proper JSON answer.
 */
export const sameOriginForms: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	const nulPath = nulPathAnswer(event);
	if (nulPath) return nulPath;
	if (!WRITES.has(request.method) || !SIMPLE_FORM_TYPES.test(request.headers.get('content-type') ?? '')) return resolve(event);
	const readable = () => unreadableFormAnswer(event).then((refused) => refused ?? resolve(event));
	if (request.headers.get('authorization')?.toLowerCase().startsWith('bearer ')) return readable();
	const origin = request.headers.get('origin');
	if (origin === url.origin) return readable();
	log.warn('cross-site form refused', { requestId: event.locals.requestId, path: url.pathname, origin: origin ?? 'none' });
	const message = `Cross-site ${request.method} form submissions are forbidden`;
	return url.pathname.startsWith('/api/')
		? jsonError(403, message)
		: new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
