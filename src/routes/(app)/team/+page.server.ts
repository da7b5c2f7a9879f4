import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { overdueByMember } from '$lib/server/assignments/overdue-by-member';
import { teamView } from '$lib/server/coaching/team-view';
import type { PageServerLoad } from './$types';

// A read-only report: nothing on it needs the browser's JavaScript, so the page is sent without
// and without its data a second time for hydration (half its bytes for a 25-person team).
export const csr = false;

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'coach');
	const [team, overdue] = await Promise.all([teamView(db(), actor), overdueByMember(db(), actor)]);
	return { team, overdue };
}) satisfies PageServerLoad;
