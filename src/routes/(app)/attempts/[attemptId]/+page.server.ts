import { error, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { loadPlayState } from '$lib/server/play/attempt-service';
import { debriefView, progressionEffectOf } from '$lib/server/play/debrief-view';
import { historyView } from '$lib/server/play/history-view';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const actor = requireCapability(locals, 'practise');
	const result = await loadPlayState(db(), actor, params.attemptId);
	if (!result.ok) error(statusFor(result.error), result.message);
	const { attempt } = result.value;
	// No debrief before the end: an unfinished attempt continues where it was.
	if (attempt.status === 'in_progress') redirect(303, `/play/${attempt.id}`);
	const [history, progression] = await Promise.all([
		historyView(db(), actor, { scenarioId: attempt.scenarioId, rubricId: attempt.rubricId }),
		progressionEffectOf(db(), actor, attempt.id)
	]);
	return { debrief: debriefView(result.value), history, progression };
}) satisfies PageServerLoad;
