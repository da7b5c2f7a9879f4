import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/access';
import { db } from '$lib/server/app';
import { listNotifications, markAllRead, markRead } from '$lib/server/db/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => ({ notifications: await listNotifications(db(), requireUser(locals).id) })) satisfies PageServerLoad;

const MarkReadForm = z.object({ id: z.string().min(1) });

export const actions = {
	markRead: async ({ locals, request }) => {
		const actor = requireUser(locals);
		const parsed = MarkReadForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Which notification?' });
		// Someone else's id, or one already read, changes nothing: there is nothing to report.
		await markRead(db(), actor.id, parsed.data.id);
		return { message: 'Marked as read' };
	},
	markAllRead: async ({ locals }) => {
		const count = await markAllRead(db(), requireUser(locals).id);
		return { message: count === 1 ? '1 notification marked as read' : `${count} notifications marked as read` };
	}
} satisfies Actions;
