import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { progressView } from '$lib/server/progression/progress-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	return { progress: await progressView(db(), requireCapability(locals, 'practise')) };
}) satisfies PageServerLoad;
