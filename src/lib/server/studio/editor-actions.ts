import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { MAX_CONTENT_FILE_BYTES } from '../../content/content-limits';
import { kindOfFolder, type AuthoredKind } from '../../studio/content-kinds';
import { requireCapability } from '../access';
import { db } from '../app';
import { statusFor } from '../http-errors';
import { publishContent, saveDraft } from './content-authoring';
import { ContentId } from './content-id';
import { restoreById } from './content-lifecycle';
import { checkDraftText, loadEditor } from './editor-view';

/*
 * The studio editor's load and actions, one set for scenarios, rubrics and tracks: each route
 * names its kind and these check access, parse the form and map the result.
 */

type Params = { id: string; kind?: string };

/** The kind and id a studio URL names; 404 for anything else, as if it did not exist. */
export function studioTarget(params: Params, kind?: AuthoredKind): { kind: AuthoredKind; id: string } {
	const found = kind ?? kindOfFolder(params.kind ?? '');
	const id = ContentId.safeParse(params.id);
	if (!found || !id.success) error(404, 'Not found');
	return { kind: found, id: id.data };
}

const Save = z.object({ source: z.string().max(MAX_CONTENT_FILE_BYTES), revision: z.string().max(128).optional() });

export async function loadEditorPage(locals: App.Locals, params: Params, kind?: AuthoredKind) {
	requireCapability(locals, 'author');
	const target = studioTarget(params, kind);
	const editor = await loadEditor(db(), target.kind, target.id);
	if (!editor) error(404, `No such ${target.kind}`);
	return { editor };
}

export const editorActions = (kind?: AuthoredKind) => ({
	save: async ({ locals, params, request }: RequestEvent<Params>) => {
		const actor = requireCapability(locals, 'author');
		const target = studioTarget(params, kind);
		const parsed = Save.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: `The ${target.kind} text is missing or too long` });
		const { source, revision } = parsed.data;
		const result = await saveDraft(db(), actor, target.kind, target.id, source, { baseRevision: revision || undefined });
		if (result.ok) return { saved: { version: result.value.version, status: result.value.status } };
		if ('problems' in result) return fail(422, { source, ...(await checkDraftText(db(), target.kind, target.id, source)), message: 'Not saved: fix the problems first' });
		if ('current' in result) return fail(409, { source, current: result.current, message: result.message });
		return fail(statusFor(result.error), { source, message: result.message });
	},
	publish: async ({ locals, params }: RequestEvent<Params>) => {
		requireCapability(locals, 'author');
		const target = studioTarget(params, kind);
		const result = await publishContent(db(), target.kind, target.id);
		if (!result.ok) return fail(statusFor(result.error), { message: problemsMessage(result) });
		return { published: { version: result.value.version } };
	},
	restore: async ({ locals, params }: RequestEvent<Params>) => {
		requireCapability(locals, 'author');
		const target = studioTarget(params, kind);
		const result = await restoreById(db(), target.kind, target.id);
		if (!result.ok) return fail(statusFor(result.error), { message: problemsMessage(result) });
		return { restored: { version: result.value.version } };
	}
});

/** One line for a refusal, with the first problems spelled out (no JavaScript needed to see why). */
export const problemsMessage = (result: { message: string; problems?: { line: number; column: number; message: string }[] }) =>
	[result.message, ...(result.problems ?? []).slice(0, 5).map((p) => `line ${p.line}, column ${p.column}: ${p.message}`)].join('. ');
