import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { MAX_CONTENT_FILE_BYTES } from '$lib/content/content-limits';
import { statusFor } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { checkDraftText, loadEditor } from '$lib/server/studio/editor-view';
import { startPlaytest } from '$lib/server/studio/playtest';
import { publishScenario, saveScenarioDraft } from '$lib/server/studio/scenario-authoring';
import type { Actions, PageServerLoad } from './$types';

const Save = z.object({ source: z.string().max(MAX_CONTENT_FILE_BYTES), revision: z.string().max(128).optional() });
const Meter = z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0).max(10)]);
const Playtest = z.object({
	node: z.string().min(1).max(100),
	mood: Meter.optional(),
	patience: Meter.optional(),
	flags: z.string().max(500).default('')
});

const scenarioId = (params: { id: string }) => {
	const id = ContentId.safeParse(params.id);
	if (!id.success) error(404, 'No such scenario');
	return id.data;
};

export const load = (async ({ locals, params }) => {
	requireCapability(locals, 'author');
	const editor = await loadEditor(db(), scenarioId(params));
	if (!editor) error(404, 'No such scenario');
	return { editor };
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'author');
		const id = scenarioId(params);
		const parsed = Save.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'The scenario text is missing or too long' });
		const { source, revision } = parsed.data;
		const result = await saveScenarioDraft(db(), actor, id, source, { baseRevision: revision || undefined });
		if (result.ok) return { saved: { version: result.value.version, status: result.value.status } };
		if ('problems' in result) return fail(422, { source, ...(await checkDraftText(db(), id, source)), message: 'Not saved: fix the problems first' });
		if ('current' in result) return fail(409, { source, current: result.current, message: result.message });
		return fail(statusFor(result.error), { source, message: result.message });
	},
	publish: async ({ locals, params }) => {
		requireCapability(locals, 'author');
		const result = await publishScenario(db(), scenarioId(params));
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { published: { version: result.value.version } };
	},
	playtest: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'author');
		const parsed = Playtest.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Mood and patience are whole numbers from 0 to 10' });
		const { node, mood, patience, flags } = parsed.data;
		const preset = { mood, patience, flags: flags.split(',').map((f) => f.trim()).filter(Boolean) };
		const result = await startPlaytest(db(), actor, scenarioId(params), { startNode: node, preset });
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		redirect(303, `/play/${result.value.attemptId}`);
	}
} satisfies Actions;
