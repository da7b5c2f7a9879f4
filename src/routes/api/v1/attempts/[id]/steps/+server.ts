import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { apiError, endpoint, jsonError } from '$lib/server/http-errors';
import { readJsonBody } from '$lib/server/json-body';
import { takeStep } from '$lib/server/play/attempt-service';
import { presentTurn } from '$lib/server/play/present';
import type { RequestHandler } from './$types';

const Step = z.strictObject({ seq: z.int().min(0).max(10_000), optionId: z.string().min(1).max(100) });

export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const actor = requireCapability(locals, 'practise');
	const body = await readJsonBody(request, Step);
	if (!body.ok) return jsonError(body.status, body.message);
	const result = await takeStep(db(), actor, params.id, body.value.seq, body.value.optionId);
	if (!result.ok) return apiError(result);
	const { seq, status, state } = result.value;
	return json({ seq, status, turn: status === 'in_progress' ? presentTurn(state.walk.turn, state) : null });
});
