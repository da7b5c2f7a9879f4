import { json } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { endpoint, jsonError } from '$lib/server/http-errors';
import { statementFeed } from '$lib/server/xapi/statement-feed';
import { encodeCursor, StatementQuery } from '$lib/server/xapi/statement-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint(async ({ locals, url }) => {
	const actor = requireCapability(locals, 'read-statements');
	const query = StatementQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) return jsonError(400, query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
	const { since, agent, cursor } = query.data;
	const feed = await statementFeed(db(), actor, { since, email: agent, cursor, origin: url.origin });
	const more = new URLSearchParams(url.searchParams);
	if (feed.next) more.set('cursor', encodeCursor(feed.next));
	return json(
		{ statements: feed.statements, more: feed.next ? `${url.pathname}?${more}` : '' },
		{ headers: { 'x-experience-api-version': '1.0.3', 'cache-control': 'no-store' } }
	);
});
