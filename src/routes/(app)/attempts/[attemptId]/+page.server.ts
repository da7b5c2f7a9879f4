import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { app, db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { loadPlayState } from '$lib/server/play/attempt-service';
import { debriefView, progressionEffectOf } from '$lib/server/play/debrief-view';
import { historyView } from '$lib/server/play/history-view';
import { AppealForm, appealStanding, fileAppeal } from '$lib/server/reviews/appeals';
import { commentsOn } from '$lib/server/reviews/coaching-comments';
import { withEffectiveScore } from '$lib/server/reviews/effective-score';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireCapability(locals, 'practise');
	const result = await loadPlayState(db(), actor, params.attemptId);
	if (!result.ok) error(statusFor(result.error), result.message);
	const { attempt } = result.value;
	// No debrief before the end: an unfinished attempt continues where it was.
	if (attempt.status === 'in_progress') redirect(303, `/play/${attempt.id}`);
	const [history, progression, effective, comments, appeal] = await Promise.all([
		historyView(db(), actor, { scenarioId: attempt.scenarioId, rubricId: attempt.rubricId }),
		progressionEffectOf(db(), actor, attempt.id),
		withEffectiveScore(db(), result.value),
		commentsOn(db(), actor, attempt.id),
		appealStanding(db(), attempt, app().config.appealWindowDays)
	]);
	return { debrief: debriefView(effective.state, effective.adjustment), history, progression, comments, appeal };
}) satisfies PageServerLoad;

export const actions = {
	appeal: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'practise');
		const parsed = AppealForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { appealError: z.flattenError(parsed.error).fieldErrors.reason?.[0] ?? 'Give a reason' });
		const result = await fileAppeal(db(), actor, params.attemptId, parsed.data.reason, app().config.appealWindowDays);
		if (!result.ok) return fail(statusFor(result.error), { appealError: result.message });
		return { appealed: true };
	}
} satisfies Actions;
