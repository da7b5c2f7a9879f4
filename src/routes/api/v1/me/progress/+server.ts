import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { endpoint } from '$lib/server/http-errors';
import { progressJson, progressView } from '$lib/server/progression/progress-view';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals }) => {
	const view = await progressView(db(), requireCapability(locals, 'practise'));
	return json(progressJson(view), { headers: { 'cache-control': 'no-store' } });
});
