import { json } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { isDatabaseReachable } from '$lib/server/db/open-database';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const { database } = app();
	const up = await isDatabaseReachable(database.db);
	return json(
		{ status: up ? 'ok' : 'unavailable', database: database.dialect },
		{ status: up ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
