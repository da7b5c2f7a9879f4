import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { apiError, endpoint } from '$lib/server/http-errors';
import { loadPlayState } from '$lib/server/play/attempt-service';
import { presentAttempt } from '$lib/server/play/present';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	const result = await loadPlayState(db(), requireCapability(locals, 'practise'), params.id);
	return result.ok ? json(presentAttempt(result.value)) : apiError(result);
});
