import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { attemptForReview } from '$lib/server/coaching/attempt-review';
import { statusFor } from '$lib/server/http-errors';
import { debriefView } from '$lib/server/play/debrief-view';
import { AppealForm, decidableAppeal, upholdAppeal } from '$lib/server/reviews/appeals';
import { OverrideForm, overrideInput, overrideScores } from '$lib/server/reviews/score-override';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireCapability(locals, 'decide-appeals');
	const appeal = await decidableAppeal(db(), actor, params.appealId);
	if (!appeal.ok) error(statusFor(appeal.error), appeal.message);
	const attempt = await attemptForReview(db(), actor, appeal.value.attemptId);
	if (!attempt.ok) error(statusFor(attempt.error), attempt.message);
	return { appeal: appeal.value, learnerName: attempt.value.learnerName, debrief: debriefView(attempt.value, attempt.value.adjustment) };
}) satisfies PageServerLoad;

export const actions = {
	uphold: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'decide-appeals');
		const parsed = AppealForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { form: 'uphold', message: z.flattenError(parsed.error).fieldErrors.reason?.[0] ?? 'Give a reason' });
		const result = await upholdAppeal(db(), actor, params.appealId, parsed.data.reason);
		if (!result.ok) return fail(statusFor(result.error), { form: 'uphold', message: result.message });
		redirect(303, '/appeals');
	},
	override: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'decide-appeals');
		const values = Object.fromEntries(await request.formData());
		const parsed = OverrideForm.safeParse(overrideInput(values));
		if (!parsed.success) {
			const errors = z.flattenError(parsed.error).fieldErrors;
			return fail(400, { form: 'override', values, message: errors.reason?.[0] ?? 'Scores are numbers from 0 to 100' });
		}
		const result = await overrideScores(db(), actor, params.appealId, parsed.data);
		if (!result.ok) return fail(statusFor(result.error), { form: 'override', values, message: result.message });
		redirect(303, '/appeals');
	}
} satisfies Actions;
