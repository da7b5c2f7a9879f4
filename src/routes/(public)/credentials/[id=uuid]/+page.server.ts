import { error } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { credentialView } from '$lib/server/progression/credential-view';
import type { PageServerLoad } from './$types';

// Public on purpose (access.ts lists /credentials/): anyone given the link may check a credential.
export const load = (async ({ params, url }) => {
	const credential = await credentialView(db(), params.id);
	if (!credential) error(404, 'No such credential');
	return { credential, origin: url.origin };
}) satisfies PageServerLoad;
