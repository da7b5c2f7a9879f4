import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { ContentId } from '$lib/server/studio/content-id';
import { scenarioVersion } from '$lib/server/studio/scenario-versions';
import type { RequestHandler } from './$types';

/** Any stored version as the content file it was authored as. */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireCapability(locals, 'author');
	const id = ContentId.safeParse(params.id);
	const version = Number(params.version);
	const found = id.success && Number.isInteger(version) ? await scenarioVersion(db(), id.data, version) : undefined;
	if (!found) error(404, 'No such version');
	return new Response(found.source, {
		headers: {
			'content-type': 'application/yaml; charset=utf-8',
			'content-disposition': `attachment; filename="${found.id}-v${found.version}.yaml"`
		}
	});
};
