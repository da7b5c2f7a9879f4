import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { criteriaCsv } from '$lib/server/reports/results-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	requireCapability(locals, 'administer');
	return new Response(criteriaCsv(db()), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="rapport-criteria.csv"', 'cache-control': 'no-store' }
	});
};
