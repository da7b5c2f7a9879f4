import { error, fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { cancelAssignment } from '$lib/server/assignments/assignment-service';
import { assignmentDetail } from '$lib/server/assignments/assignment-views';
import { statusFor } from '$lib/server/http-errors';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireCapability(locals, 'assign');
	const assignment = await assignmentDetail(db(), actor, params.assignmentId);
	if (!assignment) error(404, 'Assignment not found');
	return { assignment };
}) satisfies PageServerLoad;

export const actions = {
	cancel: async ({ locals, params }) => {
		const actor = requireCapability(locals, 'assign');
		const result = await cancelAssignment(db(), actor, params.assignmentId);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { done: 'Assignment cancelled' };
	}
} satisfies Actions;
