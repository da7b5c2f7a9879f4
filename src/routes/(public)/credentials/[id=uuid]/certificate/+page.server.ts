import { error } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { credentialView } from '$lib/server/progression/credential-view';
import type { PageServerLoad } from './$types';

// Public like the verification page it prints from.
export const load = (async ({ params, url }) => {
	const credential = await credentialView(db(), params.id);
	if (!credential) error(404, 'No such credential');
	return { credential, verifyUrl: `${url.origin}/credentials/${credential.id}` };
}) satisfies PageServerLoad;
