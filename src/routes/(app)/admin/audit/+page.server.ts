import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { AuditQuery } from '$lib/server/admin/admin-forms';
import { db } from '$lib/server/app';
import { listAudit, listAuditActions } from '$lib/server/db/audit-log';
import { listUsers } from '$lib/server/db/users';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load = (async ({ locals, url }) => {
	requireCapability(locals, 'administer');
	const parsed = AuditQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, 'Malformed filter: dates are YYYY-MM-DD');
	const { action, actor, from, to, page } = parsed.data;
	const [log, actions, people] = await Promise.all([
		listAudit(db(), { action, actorId: actor, from, to, page, pageSize: PAGE_SIZE }),
		listAuditActions(db()),
		listUsers(db())
	]);
	return { ...log, actions, people: people.map((p) => ({ id: p.id, name: p.name })), filter: { action, actor, from, to }, page };
}) satisfies PageServerLoad;
