import { json } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { jsonError } from '$lib/server/http-errors';
import { credentialDocument } from '$lib/server/progression/credential-view';
import { PUBLIC_DOCUMENT_HEADERS } from '$lib/server/progression/public-headers';
import type { RequestHandler } from './$types';

// Public: the credential is a statement meant to be checked by anyone holding its link.
export const GET: RequestHandler = async ({ params }) => {
	const document = await credentialDocument(db(), params.id);
	if (!document) return jsonError(404, 'No such credential');
	return json(document, { headers: PUBLIC_DOCUMENT_HEADERS });
};
