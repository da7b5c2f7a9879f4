import { AuthError } from '@auth/sveltekit';
import { fail, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '../app';
import { signIn } from './auth-config';
import { clientAddress, signInWaitS, tooManyMessage } from './sign-in-limiter';

export const SignInForm = z.object({
	email: z.string().trim().min(1, 'Enter your email').max(320),
	password: z.string().min(1, 'Enter your password').max(1024),
	redirectTo: z.string().optional()
});

/** Only same-site paths: a crafted link must not bounce people to another site after sign-in. */
export const safeRedirectTarget = (target: string | null | undefined): string =>
	target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/';

const NEUTRAL = 'That email and password do not match an active account.';

/**
 * Hands the form to Auth.js's server-side sign-in, which sets the session cookie and redirects.
 * Every kind of refusal becomes one neutral message that does not say whether the account exists.
 */
export async function signInWithCredentials(event: RequestEvent) {
	const values = Object.fromEntries(await event.request.formData());
	const parsed = SignInForm.safeParse(values);
	const email = typeof values.email === 'string' ? values.email : '';
	if (!parsed.success) {
		return fail(400, { email, errors: z.flattenError(parsed.error).fieldErrors, message: 'Check the highlighted fields.' });
	}
	const waitS = await signInWaitS(db(), parsed.data.email, clientAddress(event));
	if (waitS > 0) {
		event.setHeaders({ 'retry-after': String(waitS) });
		return fail(429, { email, errors: {}, message: tooManyMessage(waitS) });
	}
	const headers = new Headers(event.request.headers);
	headers.delete('content-length');
	headers.set('content-type', 'application/x-www-form-urlencoded');
	const body = new URLSearchParams({
		providerId: 'credentials',
		email: parsed.data.email,
		password: parsed.data.password,
		redirectTo: safeRedirectTarget(parsed.data.redirectTo)
	});
	try {
		await signIn({ ...event, request: new Request(event.request.url, { method: 'POST', headers, body }) });
	} catch (e) {
		if (isRedirect(e) && !e.location.includes('error=')) redirect(303, e.location);
		// Auth.js throws for a refused credential sign-in (and redirects with error= for others).
		if (isRedirect(e) || e instanceof AuthError) return fail(400, { email, errors: {}, message: NEUTRAL });
		throw e;
	}
	return fail(400, { email, errors: {}, message: NEUTRAL });
}
