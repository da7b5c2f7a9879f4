import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { calibrationExercise, submitCalibration } from '$lib/server/progression/calibration-service';
import type { Actions, PageServerLoad } from './$types';

const CriterionScore = z.coerce
	.number({ error: 'Enter a number' })
	.int('Enter a whole number')
	.min(0, 'Scores run from 0 to 100')
	.max(100, 'Scores run from 0 to 100');
// Fields are named `score.<criterion id>`: one per criterion that came up in the recording.
const ScoreForm = z.record(z.string(), z.preprocess((v) => (v === '' ? undefined : v), CriterionScore));

const scoreFields = (form: FormData) =>
	Object.fromEntries([...form].filter(([name]) => name.startsWith('score.')).map(([name, value]) => [name.slice('score.'.length), String(value)]));

export const load = (async ({ locals, params }) => {
	const result = await calibrationExercise(db(), requireCapability(locals, 'practise'), params.trackId, params.requirementId);
	if (!result.ok) error(statusFor(result.error), result.message);
	return { exercise: result.value };
}) satisfies PageServerLoad;

export const actions = {
	submit: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'practise');
		const values = scoreFields(await request.formData());
		if (Object.keys(values).length === 0) return fail(400, { values, message: 'Score each criterion from 0 to 100' });
		const parsed = ScoreForm.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined> });
		const result = await submitCalibration(db(), actor, params.trackId, params.requirementId, parsed.data);
		if (!result.ok) return fail(statusFor(result.error), { values, message: result.message });
		return { values, result: result.value };
	}
} satisfies Actions;
