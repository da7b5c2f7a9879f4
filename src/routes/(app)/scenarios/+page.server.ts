import { fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { startAttempt } from '$lib/server/play/attempt-service';
import { catalogView, parseCatalogFilter } from '$lib/server/play/catalog-view';
import { formValues, StartForm } from '$lib/server/play/play-forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const actor = requireCapability(locals, 'practise');
	return { catalog: await catalogView(db(), actor, parseCatalogFilter(url.searchParams)) };
}) satisfies PageServerLoad;

export const actions = {
	// The debrief's "try again" posts here too, so starting an attempt lives in one place.
	start: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'practise');
		const parsed = StartForm.safeParse(await formValues(request));
		if (!parsed.success) return fail(400, { message: 'Choose a scenario to start' });
		const result = await startAttempt(db(), actor, parsed.data.scenarioId);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		redirect(303, `/play/${result.value.attempt.id}`);
	}
} satisfies Actions;
