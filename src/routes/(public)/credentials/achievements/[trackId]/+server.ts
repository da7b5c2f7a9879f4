import { json } from '@sveltejs/kit';
import { db } from '$lib/server/app';
import { jsonError } from '$lib/server/http-errors';
import { publishedAchievement } from '$lib/server/progression/issuer-documents';
import { PUBLIC_DOCUMENT_HEADERS } from '$lib/server/progression/public-headers';
import type { RequestHandler } from './$types';

/** The Achievement a track certifies, which credentials name by this URL. */
export const GET: RequestHandler = async ({ params }) => {
	const achievement = await publishedAchievement(db(), params.trackId);
	if (!achievement) return jsonError(404, 'No such achievement');
	return json(achievement, { headers: PUBLIC_DOCUMENT_HEADERS });
};
