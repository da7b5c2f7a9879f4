import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { CohortForm, cohortText } from '$lib/server/admin/admin-forms';
import { importCohort, previewCohort } from '$lib/server/admin/cohort-import';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireCapability(locals, 'administer');
	return {};
}) satisfies PageServerLoad;

const parseForm = async (request: Request) => CohortForm.safeParse({ csv: await cohortText(await request.formData()) });

export const actions = {
	preview: async ({ locals, request }) => {
		requireCapability(locals, 'administer');
		const parsed = await parseForm(request);
		if (!parsed.success) return fail(400, { error: z.flattenError(parsed.error).fieldErrors.csv?.[0] });
		const preview = await previewCohort(db(), parsed.data.csv);
		return { csv: parsed.data.csv, preview };
	},
	import: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const parsed = await parseForm(request);
		if (!parsed.success) return fail(400, { error: z.flattenError(parsed.error).fieldErrors.csv?.[0] });
		const result = await importCohort(db(), actor, parsed.data.csv);
		if (!result.ok) return fail(statusFor(result.error), { csv: parsed.data.csv, error: result.message, preview: { rows: [], problems: result.problems ?? [] } });
		return { imported: result.value };
	}
} satisfies Actions;
