import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { editorActions, loadEditorPage, studioTarget } from '$lib/server/studio/editor-actions';
import { startPlaytest } from '$lib/server/studio/playtest';
import type { Actions, PageServerLoad } from './$types';

const Meter = z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(0).max(10)]);
const Playtest = z.object({
	node: z.string().min(1).max(100),
	mood: Meter.optional(),
	patience: Meter.optional(),
	flags: z.string().max(500).default('')
});

export const load = (({ locals, params }) => loadEditorPage(locals, params, 'scenario')) satisfies PageServerLoad;

export const actions = {
	...editorActions('scenario'),
	playtest: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'author');
		const parsed = Playtest.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Mood and patience are whole numbers from 0 to 10' });
		const { node, mood, patience, flags } = parsed.data;
		const preset = { mood, patience, flags: flags.split(',').map((f) => f.trim()).filter(Boolean) };
		const result = await startPlaytest(db(), actor, studioTarget(params, 'scenario').id, { startNode: node, preset });
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		redirect(303, `/play/${result.value.attemptId}`);
	}
} satisfies Actions;
