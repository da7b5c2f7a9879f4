import { json, type RequestEvent } from '@sveltejs/kit';
import { KIND_LABEL, type AuthoredKind } from '../../studio/content-kinds';
import { requireCapability } from '../access';
import { db } from '../app';
import { apiError, endpoint, jsonError } from '../http-errors';
import { ifMatchRevision, readYamlBody } from '../yaml-body';
import { latestContent, publishContent, saveDraft } from './content-authoring';
import { ContentId } from './content-id';
import { problemsBody } from './problems-body';

/*
 * The authoring API for scenarios, rubrics and tracks (the contract in interfaces.md):
 * PUT the YAML as a draft, POST …/publish, GET ….yaml. Each route file only names its kind.
 */

type Event = RequestEvent<{ id: string }>;

/** PUT /api/v1/{kind}s/{id}: 201 for a new version, 200 for the same draft again; 422 with problems; 409 on a stale If-Match. */
export const putContent = (kind: AuthoredKind) =>
	endpoint(async ({ locals, params, request }: Event) => {
		const actor = requireCapability(locals, 'author');
		const id = ContentId.safeParse(params.id);
		if (!id.success) return jsonError(400, `${KIND_LABEL[kind]} id: ${id.error.issues[0].message}`);
		const body = await readYamlBody(request);
		if (!body.ok) return jsonError(body.status, body.message);
		const result = await saveDraft(db(), actor, kind, id.data, body.value, { baseRevision: ifMatchRevision(request), origin: 'api' });
		if (!result.ok) return apiError(result, problemsBody(result));
		const { version, status, revision, created } = result.value;
		return json({ id: id.data, version, status }, { status: created ? 201 : 200, headers: { etag: `"${revision}"` } });
	});

/** POST /api/v1/{kind}s/{id}/publish: the version becomes immutable. */
export const publishContentEndpoint = (kind: AuthoredKind) =>
	endpoint(async ({ locals, params }: Event) => {
		requireCapability(locals, 'author');
		const id = ContentId.safeParse(params.id);
		if (!id.success) return jsonError(404, `No such ${kind}`);
		const result = await publishContent(db(), kind, id.data);
		if (!result.ok) return apiError(result, problemsBody(result));
		return json({ id: id.data, version: result.value.version, status: result.value.status });
	});

/** GET /api/v1/{kind}s/{id}.yaml: the latest version as a content file; putting it back unchanged adds nothing. */
export const exportLatest = (kind: AuthoredKind) =>
	endpoint(async ({ locals, params }: Event) => {
		requireCapability(locals, 'author');
		const id = ContentId.safeParse(params.id);
		const latest = id.success ? await latestContent(db(), kind, id.data) : undefined;
		if (!latest) return jsonError(404, `No such ${kind}`);
		return new Response(latest.source, {
			headers: {
				'content-type': 'application/yaml; charset=utf-8',
				'content-disposition': `attachment; filename="${latest.id}.yaml"`,
				etag: `"${latest.contentHash}"`
			}
		});
	});
