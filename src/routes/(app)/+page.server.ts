import { requireUser } from '$lib/server/access';
import { db } from '$lib/server/app';
import { homeSummary } from '$lib/server/progression/home-summary';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireUser(locals);
	// Learners see their standing at a glance; other roles practise too, but their home is their desk.
	const progress = actor.role === 'learner' ? await homeSummary(db(), actor) : null;
	return { role: actor.role, firstName: actor.name.split(' ')[0], progress };
}) satisfies PageServerLoad;
