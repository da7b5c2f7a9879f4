import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { chooseLeaderboardVisibility, leaderboardView } from '$lib/server/progression/leaderboard-view';
import type { Actions, PageServerLoad } from './$types';

const Visibility = z.object({ visibility: z.enum(['shown', 'hidden']) });

export const load = (async ({ locals }) => {
	return { leaderboard: await leaderboardView(db(), requireCapability(locals, 'practise')) };
}) satisfies PageServerLoad;

export const actions = {
	visibility: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'practise');
		const parsed = Visibility.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Choose whether to appear on the leaderboard' });
		await chooseLeaderboardVisibility(db(), actor, parsed.data.visibility === 'hidden');
		return { saved: true };
	}
} satisfies Actions;
