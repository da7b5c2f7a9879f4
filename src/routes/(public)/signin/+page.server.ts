import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { signIn } from '$lib/server/auth/auth-config';
import { safeRedirectTarget, signInWithCredentials } from '$lib/server/auth/sign-in-form';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, redirectTo);
	const authError = url.searchParams.get('error');
	return {
		redirectTo,
		sso: !!app().config.oidc,
		// Auth.js reports a refused SSO sign-in (e.g. a deactivated account) this way.
		message: authError ? 'Sign-in did not succeed. Try again, or ask an admin to check your account.' : null,
		notice: url.searchParams.has('changed') ? 'Your password was changed. Sign in with the new one.' : null
	};
}) satisfies PageServerLoad;

export const actions = {
	credentials: signInWithCredentials,
	sso: signIn
} satisfies Actions;
