import { db } from '$lib/server/app';
import { countUnread } from '$lib/server/db/notifications';
import type { LayoutServerLoad } from './$types';

/**
 * The header's unread count (the root layout renders the header and reads it from page data).
 * Reading `url.pathname` makes it load again on every navigation, so the count stays fresh.
 */
export const load = (async ({ locals, url }) => {
	void url.pathname;
	return { unreadNotifications: locals.user ? await countUnread(db(), locals.user.id) : 0 };
}) satisfies LayoutServerLoad;
