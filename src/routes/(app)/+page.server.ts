import { requireUser } from '$lib/server/access';
import { db } from '$lib/server/app';
import { learnerAssignments } from '$lib/server/assignments/learner-assignments';
import { homeSummary } from '$lib/server/progression/home-summary';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireUser(locals);
	// Learners see their standing at a glance; other roles practise too, but their home is their desk.
	const learner = actor.role === 'learner';
	const [progress, assignments] = await Promise.all([learner ? homeSummary(db(), actor) : null, learner ? learnerAssignments(db(), actor) : null]);
	// Due soonest first; done ones stay on /progress as quests but leave the home page.
	const dueSoon = assignments?.filter((a) => a.state !== 'done') ?? null;
	return { role: actor.role, firstName: actor.name.split(' ')[0], progress, dueSoon };
}) satisfies PageServerLoad;
