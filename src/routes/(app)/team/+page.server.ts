import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { overdueByMember } from '$lib/server/assignments/overdue-by-member';
import { selectTeams, teamView } from '$lib/server/coaching/team-view';
import { statusFor } from '$lib/server/http-errors';
import type { PageServerLoad } from './$types';

// The picker's "all your teams" sends an empty value.
const Filter = z.object({ team: z.union([z.literal('').transform(() => undefined), z.string().max(100)]).optional() });

// A read-only report whose team picker is a plain GET form: nothing on it needs the browser's
// JavaScript, so it is sent without, and without its data a second time for hydration.
export const csr = false;

export const load = (async ({ locals, url }) => {
	const actor = requireCapability(locals, 'coach');
	const filter = Filter.safeParse(Object.fromEntries(url.searchParams));
	if (!filter.success) error(400, 'Choose a team from the list');
	const selection = await selectTeams(db(), actor, filter.data.team);
	if (!selection.ok) error(statusFor(selection.error), selection.message);
	const { scope, chosen, choices } = selection.value;
	const [team, overdue] = await Promise.all([teamView(db(), actor, scope), overdueByMember(db(), actor, scope)]);
	return { team, overdue, chosen, choices, isAdmin: actor.role === 'admin' };
}) satisfies PageServerLoad;
