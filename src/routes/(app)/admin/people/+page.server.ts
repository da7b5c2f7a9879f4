import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { ActiveForm, InviteForm, RoleForm } from '$lib/server/admin/admin-forms';
import { changeActive, changeRole, invitePerson, listPeople } from '$lib/server/admin/people-admin';
import { listTeams } from '$lib/server/admin/team-admin';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'administer');
	const [people, teams] = await Promise.all([listPeople(db()), listTeams(db())]);
	return { people, teams, selfId: actor.id };
}) satisfies PageServerLoad;

export const actions = {
	invite: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const parsed = InviteForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: z.flattenError(parsed.error).fieldErrors });
		const result = await invitePerson(db(), actor, { ...parsed.data, teamId: parsed.data.teamId || undefined });
		if (!result.ok) return fail(statusFor(result.error), { values, message: result.message });
		return { invited: { email: result.value.user.email, temporaryPassword: result.value.temporaryPassword } };
	},
	role: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const parsed = RoleForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Choose a person and a role' });
		const result = await changeRole(db(), actor, parsed.data.userId, parsed.data.role);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { done: `${result.value.name} is now ${result.value.role.replace('_', ' ')}` };
	},
	active: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const parsed = ActiveForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Choose a person' });
		const result = await changeActive(db(), actor, parsed.data.userId, parsed.data.active === '1');
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { done: `${result.value.name} is ${result.value.active ? 'active again' : 'deactivated'}` };
	}
} satisfies Actions;
