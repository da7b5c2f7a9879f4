import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { dayOf } from '$lib/assignments/assignee-status';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { assignmentChoices } from '$lib/server/assignments/assignment-choices';
import { newAssignmentForm } from '$lib/server/assignments/assignment-forms';
import { createAssignment } from '$lib/server/assignments/assignment-service';
import { nowIso } from '$lib/server/clock';
import { statusFor } from '$lib/server/http-errors';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'assign');
	return { choices: await assignmentChoices(db(), actor) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'assign');
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const parsed = newAssignmentForm(dayOf(nowIso())).safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: z.flattenError(parsed.error).fieldErrors });
		const result = await createAssignment(db(), actor, parsed.data);
		if (!result.ok) return fail(statusFor(result.error), { values, message: result.message });
		redirect(303, `/assignments/${result.value.id}`);
	}
} satisfies Actions;
