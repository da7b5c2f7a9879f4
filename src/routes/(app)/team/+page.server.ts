import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { overdueByMember } from '$lib/server/assignments/overdue-by-member';
import { teamView } from '$lib/server/coaching/team-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'coach');
	const [team, overdue] = await Promise.all([teamView(db(), actor), overdueByMember(db(), actor)]);
	return { team, overdue };
}) satisfies PageServerLoad;
