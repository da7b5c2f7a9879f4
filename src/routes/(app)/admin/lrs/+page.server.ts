import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { app, db } from '$lib/server/app';
import { lrsOverview, retryParked } from '$lib/server/xapi/outbox-admin';
import type { Actions, PageServerLoad } from './$types';

const RetryForm = z.object({ statementId: z.uuid().optional() });

export const load = (async ({ locals }) => {
	requireCapability(locals, 'administer');
	return { overview: await lrsOverview(db(), app().config.lrs) };
}) satisfies PageServerLoad;

export const actions = {
	retry: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const values = Object.fromEntries(await request.formData());
		const parsed = RetryForm.safeParse({ statementId: values.statementId || undefined });
		if (!parsed.success) return fail(400, { message: 'Unknown statement' });
		const retried = await retryParked(db(), actor, parsed.data.statementId);
		return { retried };
	}
} satisfies Actions;
