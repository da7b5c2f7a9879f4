import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { apiError, endpoint, jsonError } from '$lib/server/http-errors';
import { readJsonBody } from '$lib/server/json-body';
import { startAttempt } from '$lib/server/play/attempt-service';
import { presentAttempt } from '$lib/server/play/present';
import type { RequestHandler } from './$types';

const StartAttempt = z.strictObject({ scenarioId: z.string().min(1).max(100) });

export const POST: RequestHandler = endpoint(async ({ locals, request }) => {
	const actor = requireCapability(locals, 'practise');
	const body = await readJsonBody(request, StartAttempt);
	if (!body.ok) return jsonError(body.status, body.message);
	const result = await startAttempt(db(), actor, body.value.scenarioId);
	if (!result.ok) return apiError(result);
	const { transcript: _, score: __, ...started } = presentAttempt(result.value);
	return json(started, { status: 201 });
});
