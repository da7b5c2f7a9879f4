import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { appealQueue } from '$lib/server/reviews/appeals';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'decide-appeals');
	return { appeals: await appealQueue(db(), actor) };
}) satisfies PageServerLoad;
