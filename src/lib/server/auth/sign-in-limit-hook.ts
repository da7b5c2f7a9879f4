import type { Handle } from '@sveltejs/kit';
import { db } from '../app';
import { clientAddress, signInWaitS, tooManyMessage } from './sign-in-limiter';

const CREDENTIALS_CALLBACK = '/auth/callback/credentials';

/**
 * Scripts sign in at Auth.js's credentials callback: while the account or address is locked they get
 * 429 with Retry-After before any password is checked. (The sign-in page checks in its own action.)
 */
export const signInLimits: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST' || event.url.pathname !== CREDENTIALS_CALLBACK) return resolve(event);
	let email = '';
	try {
		const value = (await event.request.clone().formData()).get('email');
		email = typeof value === 'string' ? value : '';
	} catch {
		return resolve(event);
	}
	const waitS = await signInWaitS(db(), email, clientAddress(event));
	if (waitS === 0) return resolve(event);
	return new Response(JSON.stringify({ error: tooManyMessage(waitS) }), {
		status: 429,
		headers: { 'content-type': 'application/json', 'retry-after': String(waitS) }
	});
};
