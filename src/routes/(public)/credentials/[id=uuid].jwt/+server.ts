import { db } from '$lib/server/app';
import { jsonError } from '$lib/server/http-errors';
import { credentialJwt } from '$lib/server/progression/credential-view';
import { PUBLIC_DOCUMENT_HEADERS } from '$lib/server/progression/public-headers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const jwt = await credentialJwt(db(), params.id);
	if (!jwt) return jsonError(404, 'No such credential');
	return new Response(jwt, { headers: { ...PUBLIC_DOCUMENT_HEADERS, 'content-type': 'application/jwt' } });
};
