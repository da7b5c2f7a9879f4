import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { endpoint, jsonError } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { latestScenario } from '$lib/server/studio/scenario-authoring';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, params }) => {
	requireCapability(locals, 'author');
	const id = ContentId.safeParse(params.id);
	const latest = id.success ? await latestScenario(db(), id.data) : undefined;
	if (!latest) return jsonError(404, 'No such scenario');
	return new Response(latest.source, {
		headers: {
			'content-type': 'application/yaml; charset=utf-8',
			'content-disposition': `attachment; filename="${latest.id}.yaml"`,
			etag: `"${latest.contentHash}"`
		}
	});
});
