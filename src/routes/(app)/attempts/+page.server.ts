import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { historyView } from '$lib/server/play/history-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	return { history: await historyView(db(), requireCapability(locals, 'practise')) };
}) satisfies PageServerLoad;
