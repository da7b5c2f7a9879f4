import { requireCapability } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireCapability(locals, 'administer');
	return {};
}) satisfies PageServerLoad;
