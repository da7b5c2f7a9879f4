import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { abandonAttempt, loadPlayState, takeStep } from '$lib/server/play/attempt-service';
import { ChooseForm, formValues, MAX_NOTES_LENGTH, STEP_MESSAGES } from '$lib/server/play/play-forms';
import { playView } from '$lib/server/play/play-view';
import { playtestView } from '$lib/server/studio/playtest-view';
import type { Actions, PageServerLoad } from './$types';

const debrief = (attemptId: string) => `/attempts/${attemptId}`;

export const load = (async ({ locals, params }) => {
	const result = await loadPlayState(db(), requireCapability(locals, 'practise'), params.attemptId);
	if (!result.ok) error(statusFor(result.error), result.message);
	if (result.value.attempt.status !== 'in_progress') redirect(303, debrief(params.attemptId));
	return { play: playView(result.value), playtest: playtestView(result.value), maxNotesLength: MAX_NOTES_LENGTH };
}) satisfies PageServerLoad;

export const actions = {
	choose: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'practise');
		const values = await formValues(request);
		const notes = typeof values.notes === 'string' ? values.notes.slice(0, MAX_NOTES_LENGTH) : '';
		const parsed = ChooseForm.safeParse(values);
		if (!parsed.success) return fail(400, { notes, message: z.flattenError(parsed.error).fieldErrors.optionId?.[0] ?? 'Choose one of the replies' });
		const result = await takeStep(db(), actor, params.attemptId, parsed.data.seq, parsed.data.optionId);
		if (!result.ok) {
			if (result.error === 'not-found') error(404, result.message);
			if (result.error === 'finished') redirect(303, debrief(params.attemptId));
			return fail(statusFor(result.error), { notes, message: STEP_MESSAGES[result.error] ?? result.message });
		}
		if (result.value.status !== 'in_progress') redirect(303, debrief(params.attemptId));
		return { notes };
	},
	abandon: async ({ locals, params }) => {
		const result = await abandonAttempt(db(), requireCapability(locals, 'practise'), params.attemptId);
		if (!result.ok && result.error === 'not-found') error(404, result.message);
		if (!result.ok && result.error !== 'finished') return fail(statusFor(result.error), { notes: '', message: result.message });
		redirect(303, debrief(params.attemptId));
	}
} satisfies Actions;
