import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { apiError, endpoint, jsonError } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { saveScenarioDraft } from '$lib/server/studio/scenario-authoring';
import { problemsBody } from '$lib/server/studio/problems-body';
import { ifMatchRevision, readYamlBody } from '$lib/server/yaml-body';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = endpoint(async ({ locals, params, request }) => {
	const actor = requireCapability(locals, 'author');
	const id = ContentId.safeParse(params.id);
	if (!id.success) return jsonError(400, `Scenario id: ${id.error.issues[0].message}`);
	const body = await readYamlBody(request);
	if (!body.ok) return jsonError(body.status, body.message);
	const result = await saveScenarioDraft(db(), actor, id.data, body.value, { baseRevision: ifMatchRevision(request), origin: 'api' });
	if (!result.ok) return apiError(result, problemsBody(result));
	const { id: savedId, version, status, revision, created } = result.value;
	return json({ id: savedId, version, status }, { status: created ? 201 : 200, headers: { etag: `"${revision}"` } });
});
