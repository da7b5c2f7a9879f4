import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { attemptForReview } from '$lib/server/coaching/attempt-review';
import { statusFor } from '$lib/server/http-errors';
import { debriefView } from '$lib/server/play/debrief-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireCapability(locals, 'coach');
	const result = await attemptForReview(db(), actor, params.attemptId);
	if (!result.ok) error(statusFor(result.error), result.message);
	return { debrief: debriefView(result.value), learnerName: result.value.learnerName };
}) satisfies PageServerLoad;
