import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { MembershipForm, RenameTeamForm, TeamNameForm } from '$lib/server/admin/admin-forms';
import { listPeople } from '$lib/server/admin/people-admin';
import { changeMembership, createTeamAudited, listTeams, renameTeamAudited } from '$lib/server/admin/team-admin';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireCapability(locals, 'administer');
	const [teams, people] = await Promise.all([listTeams(db()), listPeople(db())]);
	return {
		teams: teams.map((t) => ({ ...t, members: people.filter((p) => p.teams.some((m) => m.id === t.id)) })),
		people: people.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, email: p.email }))
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const parsed = TeamNameForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: z.flattenError(parsed.error).fieldErrors });
		const result = await createTeamAudited(db(), actor, parsed.data.name);
		if (!result.ok) return fail(statusFor(result.error), { values, message: result.message });
		return { done: `Team ${result.value.name} created` };
	},
	rename: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const parsed = RenameTeamForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Enter a team name' });
		const result = await renameTeamAudited(db(), actor, parsed.data.teamId, parsed.data.name);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { done: `Team renamed to ${parsed.data.name}` };
	},
	membership: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const parsed = MembershipForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Choose a person' });
		const result = await changeMembership(db(), actor, parsed.data.teamId, parsed.data.userId, parsed.data.change);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { done: 'Team updated' };
	}
} satisfies Actions;
