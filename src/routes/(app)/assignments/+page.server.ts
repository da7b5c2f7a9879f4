import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { assignmentList } from '$lib/server/assignments/assignment-views';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'assign');
	return { assignments: await assignmentList(db(), actor) };
}) satisfies PageServerLoad;
