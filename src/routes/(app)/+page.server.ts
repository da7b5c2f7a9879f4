import { requireUser } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireUser(locals);
	return { role: actor.role, firstName: actor.name.split(' ')[0] };
}) satisfies PageServerLoad;
