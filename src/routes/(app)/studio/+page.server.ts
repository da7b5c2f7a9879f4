import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { archiveById, createContent, duplicateContent, restoreById } from '$lib/server/studio/content-lifecycle';
import { problemsMessage } from '$lib/server/studio/editor-actions';
import { importContentFile } from '$lib/server/studio/version-history';
import { studioList } from '$lib/server/studio/studio-list';
import { MAX_CONTENT_FILE_BYTES } from '$lib/content/content-limits';
import { editorPath } from '$lib/studio/content-kinds';
import type { Actions, PageServerLoad } from './$types';

// Forms from before rubrics and tracks were authored here name no kind: they mean scenarios.
const Kind = z.enum(['scenario', 'rubric', 'track']).default('scenario');
const NewContent = z.object({ kind: Kind, id: ContentId, title: z.string().trim().min(1, 'Give it a title').max(120) });
const Duplicate = z.object({ kind: Kind, from: ContentId, id: ContentId });
const Target = z.object({ kind: Kind, id: ContentId });

export const load = (async ({ locals }) => {
	requireCapability(locals, 'author');
	return { rows: await studioList(db()) };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'author');
		const values = Object.fromEntries(await request.formData());
		const kind = Kind.catch('scenario').parse(values.kind);
		const parsed = NewContent.safeParse(values);
		if (!parsed.success) return fail(400, { create: { kind, values, errors: z.flattenError(parsed.error).fieldErrors } });
		const result = await createContent(db(), actor, kind, parsed.data.id, parsed.data.title);
		if (!result.ok) return fail(statusFor(result.error), { create: { kind, values, errors: { id: [result.message] } } });
		redirect(303, editorPath(kind, result.value.id));
	},
	duplicate: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'author');
		const parsed = Duplicate.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Choose a new id: lowercase letters, digits and hyphens' });
		const { kind, from, id } = parsed.data;
		const result = await duplicateContent(db(), actor, kind, from, id);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		redirect(303, editorPath(kind, result.value.id));
	},
	import: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'author');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { imported: { message: 'Choose a YAML file to import' } });
		if (file.size > MAX_CONTENT_FILE_BYTES) return fail(413, { imported: { message: 'Content files may be at most 256 KiB' } });
		const result = await importContentFile(db(), actor, await file.text());
		if (!result.ok) {
			const problems = 'problems' in result ? result.problems.map(({ line, column, message }) => ({ line, column, message })) : [];
			return fail(statusFor(result.error), { imported: { message: `Not imported: ${result.message}`, problems } });
		}
		redirect(303, editorPath(result.value.kind, result.value.id));
	},
	archive: async ({ locals, request }) => {
		requireCapability(locals, 'author');
		const parsed = Target.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Unknown content' });
		const result = await archiveById(db(), parsed.data.kind, parsed.data.id);
		if (!result.ok) return fail(statusFor(result.error), { message: problemsMessage(result) });
		return { message: `Archived "${parsed.data.id}": learners no longer see it` };
	},
	restore: async ({ locals, request }) => {
		requireCapability(locals, 'author');
		const parsed = Target.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Unknown content' });
		const result = await restoreById(db(), parsed.data.kind, parsed.data.id);
		if (!result.ok) return fail(statusFor(result.error), { message: problemsMessage(result) });
		return { message: `Restored "${parsed.data.id}" version ${result.value.version}: learners see it again` };
	}
} satisfies Actions;
