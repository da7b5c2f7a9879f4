import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { endpoint, jsonError } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { checkDraftText } from '$lib/server/studio/editor-view';
import { kindOfFolder } from '$lib/studio/content-kinds';
import { readYamlBody } from '$lib/server/yaml-body';
import type { RequestHandler } from './$types';

/** Live validation for the editor: the text as typed in, its problems pinned to lines and nodes out. */
export const POST: RequestHandler = endpoint(async ({ locals, params, request }) => {
	requireCapability(locals, 'author');
	const kind = kindOfFolder(params.kind);
	const id = ContentId.safeParse(params.id);
	if (!kind || !id.success) return jsonError(404, 'Not found');
	const body = await readYamlBody(request);
	if (!body.ok) return jsonError(body.status, body.message);
	return json(await checkDraftText(db(), kind, id.data, body.value));
});
