import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { teamView } from '$lib/server/coaching/team-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'coach');
	return { team: await teamView(db(), actor) };
}) satisfies PageServerLoad;
