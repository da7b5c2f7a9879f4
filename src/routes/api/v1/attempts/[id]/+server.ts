import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { apiError, endpoint } from '$lib/server/http-errors';
import { loadPlayState } from '$lib/server/play/attempt-service';
import { presentAttempt } from '$lib/server/play/present';
import { withEffectiveScore } from '$lib/server/reviews/effective-score';
import type { RequestHandler } from './$types';

/** The score is the effective one: the engine's, with any override decided on appeal applied. */
export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const result = await loadPlayState(db(), requireCapability(locals, 'practise'), params.id);
	if (!result.ok) return apiError(result);
	return json(presentAttempt((await withEffectiveScore(db(), result.value)).state));
});
