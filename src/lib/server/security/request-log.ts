import type { Handle } from '@sveltejs/kit';
import { log, withRequestId } from '../log';

/**
 * Serves each request inside its request id, so every log line written meanwhile carries it, and
 * logs each refusal: who asked (never their credentials), for what, and the answer.
 */
export const requestLog: Handle = ({ event, resolve }) =>
	withRequestId(event.locals.requestId, async () => {
		const response = await resolve(event);
		const { status } = response;
		const refused = status === 401 || status === 403 || status === 429 || (status === 404 && !!event.locals.user);
		if (refused) {
			log.warn(status === 404 ? 'not found' : 'access refused', {
				status,
				method: event.request.method,
				path: event.url.pathname,
				userId: event.locals.user?.id ?? null,
				role: event.locals.user?.role ?? null,
				via: event.locals.via ?? null
			});
		}
		return response;
	});
