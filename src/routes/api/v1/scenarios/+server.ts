import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { endpoint } from '$lib/server/http-errors';
import { playableScenarios } from '$lib/server/play/catalog';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals }) => {
	const scenarios = await playableScenarios(db(), requireCapability(locals, 'practise'));
	return json(scenarios.map(({ id, version, title, family, channel, difficulty }) => ({ id, version, title, family, channel, difficulty })));
});
