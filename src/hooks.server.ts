import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { isPublicPath, redirectToSignIn } from '$lib/server/access';
import { bootApp, db } from '$lib/server/app';
import { actorOf } from '$lib/server/auth/actor';
import { authHandle } from '$lib/server/auth/auth-config';
import { ConfigError } from '$lib/server/config';
import { holderOfAccessToken } from '$lib/server/db/tokens';
import { jsonError } from '$lib/server/http-errors';
import { log } from '$lib/server/log';
import { signInLimits } from '$lib/server/auth/sign-in-limit-hook';
import { NON_PAGE_CSP } from '$lib/server/security/non-page-csp';
import { redirectAsResponse } from '$lib/server/security/redirect-response';
import { requestLog } from '$lib/server/security/request-log';
import { sameOriginForms } from '$lib/server/security/same-origin-forms';

export const init: ServerInit = async () => {
	try {
		await bootApp();
	} catch (e) {
		// A bad setting is the operator's to fix: one clear line, no stack trace.
		const message = e instanceof ConfigError ? e.message : `start-up failed: ${(e as Error).message}`;
		console.error(`rapport: ${message}`);
		process.exit(1);
	}
};

/** Also says in Server-Timing how long the server took to the headers (a streamed body may go on), for `npm run bench`. */
const requestId: Handle = async ({ event, resolve }) => {
	event.locals.requestId = crypto.randomUUID();
	const started = performance.now();
	const response = await resolve(event);
	try {
		response.headers.set('server-timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
	} catch {
		// Immutable headers (a redirect made elsewhere): the timing is only informative.
	}
	return response;
};

const isApi = (pathname: string) => pathname.startsWith('/api/');

/** Finds out who is calling: a personal access token, or the Auth.js session cookie. */
const identify: Handle = async ({ event, resolve }) => {
	const authorization = event.request.headers.get('authorization');
	if (authorization?.toLowerCase().startsWith('bearer ')) {
		const holder = await holderOfAccessToken(db(), authorization.slice(7).trim());
		if (!holder) return jsonError(401, 'The access token is invalid or has been revoked');
		event.locals.user = actorOf(holder.user, holder.teamIds);
		event.locals.via = 'token';
	} else if (event.request.headers.get('cookie')?.includes('session-token')) {
		// Runs the JWT callback, which checks the server-side session and fills locals.user.
		await event.locals.auth();
		if (event.locals.user) event.locals.via = 'session';
	}
	return resolve(event);
};

/** Anonymous callers get 401 on the API and the sign-in page elsewhere; permissions are checked per route. */
const requireSignIn: Handle = ({ event, resolve }) => {
	const { pathname } = event.url;
	if (event.locals.user || isPublicPath(pathname)) return resolve(event);
	if (isApi(pathname)) return jsonError(401, 'Sign in or send a personal access token');
	redirectToSignIn(event.url);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		response = redirectAsResponse(e, event);
	}
	// Some answers (Response.redirect, as Auth.js uses) have immutable headers: copy those first.
	try {
		response.headers.set('x-request-id', event.locals.requestId);
	} catch {
		response = new Response(response.body, response);
	}
	const headers = response.headers;
	headers.set('x-request-id', event.locals.requestId);
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	headers.set('x-frame-options', 'DENY');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', NON_PAGE_CSP);
	if (event.url.protocol === 'https:') headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	return response;
};

// securityHeaders comes early so it also marks the answers that later steps return themselves.
export const handle = sequence(requestId, requestLog, securityHeaders, sameOriginForms, signInLimits, authHandle, identify, requireSignIn);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Not found' };
	const errorId = event.locals.requestId ?? crypto.randomUUID();
	log.error('unhandled error', {
		errorId,
		status,
		path: event.url.pathname,
		error: error instanceof Error ? error.message : String(error)
	});
	return { message: status >= 500 ? 'Something went wrong on our side' : message, errorId };
};
