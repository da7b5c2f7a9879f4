import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { studioTarget } from '$lib/server/studio/editor-actions';
import { contentVersion } from '$lib/server/studio/version-history';
import type { RequestHandler } from './$types';

/** Any stored version as the content file it was authored as. */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireCapability(locals, 'author');
	const { kind, id } = studioTarget(params);
	const version = Number(params.version);
	const found = Number.isInteger(version) ? await contentVersion(db(), kind, id, version) : undefined;
	if (!found) error(404, 'No such version');
	return new Response(found.source, {
		headers: {
			'content-type': 'application/yaml; charset=utf-8',
			'content-disposition': `attachment; filename="${found.id}-v${found.version}.yaml"`
		}
	});
};
