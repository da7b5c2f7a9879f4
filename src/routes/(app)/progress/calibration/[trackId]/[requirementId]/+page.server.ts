import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { calibrationExercise, submitCalibration } from '$lib/server/progression/calibration-service';
import type { Actions, PageServerLoad } from './$types';

const ScoreForm = z.object({
	score: z.coerce.number({ error: 'Enter your score as a number' }).int('Enter a whole number').min(0, 'Scores run from 0 to 100').max(100, 'Scores run from 0 to 100')
});

export const load = (async ({ locals, params }) => {
	const result = await calibrationExercise(db(), requireCapability(locals, 'practise'), params.trackId, params.requirementId);
	if (!result.ok) error(statusFor(result.error), result.message);
	return { exercise: result.value };
}) satisfies PageServerLoad;

export const actions = {
	submit: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'practise');
		const values = Object.fromEntries(await request.formData());
		const parsed = ScoreForm.safeParse(values);
		if (!parsed.success) return fail(400, { score: String(values.score ?? ''), errors: z.flattenError(parsed.error).fieldErrors });
		const result = await submitCalibration(db(), actor, params.trackId, params.requirementId, parsed.data.score);
		if (!result.ok) return fail(statusFor(result.error), { score: String(parsed.data.score), message: result.message });
		return { score: String(parsed.data.score), result: result.value };
	}
} satisfies Actions;
