import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { apiError, endpoint, jsonError } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { publishScenario } from '$lib/server/studio/scenario-authoring';
import { problemsBody } from '$lib/server/studio/problems-body';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = endpoint(async ({ locals, params }) => {
	requireCapability(locals, 'author');
	const id = ContentId.safeParse(params.id);
	if (!id.success) return jsonError(404, 'No such scenario');
	const result = await publishScenario(db(), id.data);
	if (!result.ok) return apiError(result, problemsBody(result));
	const { version, status } = result.value;
	return json({ id: id.data, version, status });
});
