import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { archiveScenario, createScenario, duplicateScenario } from '$lib/server/studio/scenario-lifecycle';
import { importScenarioFile } from '$lib/server/studio/scenario-versions';
import { studioList } from '$lib/server/studio/studio-list';
import { MAX_CONTENT_FILE_BYTES } from '$lib/content/content-limits';
import type { Actions, PageServerLoad } from './$types';

const NewScenario = z.object({ id: ContentId, title: z.string().trim().min(1, 'Give it a title').max(120) });
const Duplicate = z.object({ from: ContentId, id: ContentId });
const Archive = z.object({ id: ContentId });

export const load = (async ({ locals }) => {
	requireCapability(locals, 'author');
	return { rows: await studioList(db()) };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'author');
		const values = Object.fromEntries(await request.formData());
		const parsed = NewScenario.safeParse(values);
		if (!parsed.success) return fail(400, { create: { values, errors: z.flattenError(parsed.error).fieldErrors } });
		const result = await createScenario(db(), actor, parsed.data.id, parsed.data.title);
		if (!result.ok) return fail(statusFor(result.error), { create: { values, errors: { id: [result.message] } } });
		redirect(303, `/studio/scenarios/${result.value.id}`);
	},
	duplicate: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'author');
		const parsed = Duplicate.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Choose a new id: lowercase letters, digits and hyphens' });
		const result = await duplicateScenario(db(), actor, parsed.data.from, parsed.data.id);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		redirect(303, `/studio/scenarios/${result.value.id}`);
	},
	import: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'author');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { imported: { message: 'Choose a YAML file to import' } });
		if (file.size > MAX_CONTENT_FILE_BYTES) return fail(413, { imported: { message: 'Content files may be at most 256 KiB' } });
		const result = await importScenarioFile(db(), actor, await file.text());
		if (!result.ok) {
			const problems = 'problems' in result ? result.problems.map(({ line, column, message }) => ({ line, column, message })) : [];
			return fail(statusFor(result.error), { imported: { message: `Not imported: ${result.message}`, problems } });
		}
		redirect(303, `/studio/scenarios/${result.value.id}`);
	},
	archive: async ({ locals, request }) => {
		requireCapability(locals, 'author');
		const parsed = Archive.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Unknown scenario' });
		const result = await archiveScenario(db(), parsed.data.id);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { message: `Archived "${parsed.data.id}": learners no longer see it` };
	}
} satisfies Actions;
