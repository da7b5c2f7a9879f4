import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { NotificationKind } from './review-schema';
import type { Database } from './schema';

export interface Notification {
	id: string;
	kind: NotificationKind;
	attemptId: string;
	message: string;
	createdAt: string;
	read: boolean;
}

export async function notify(db: Kysely<Database>, input: { userId: string; kind: NotificationKind; attemptId: string; message: string }) {
	await db
		.insertInto('notification')
		.values({ id: newId(), user_id: input.userId, kind: input.kind, attempt_id: input.attemptId, message: input.message, created_at: nowIso(), read_at: null })
		.execute();
}

export async function countUnread(db: Kysely<Database>, userId: string): Promise<number> {
	const row = await db
		.selectFrom('notification')
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Newest first; the page shows the latest ones, read or not. */
export async function listNotifications(db: Kysely<Database>, userId: string, limit = 100): Promise<Notification[]> {
	const rows = await db
		.selectFrom('notification')
		.selectAll()
		.where('user_id', '=', userId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ id: r.id, kind: r.kind, attemptId: r.attempt_id, message: r.message, createdAt: r.created_at, read: r.read_at !== null }));
}

/** Marks one of the person's notifications read; someone else's id changes nothing. */
export async function markRead(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
	const result = await db
		.updateTable('notification')
		.set({ read_at: nowIso() })
		.where('id', '=', id)
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function markAllRead(db: Kysely<Database>, userId: string): Promise<number> {
	const result = await db.updateTable('notification').set({ read_at: nowIso() }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
	return Number(result.numUpdatedRows);
}

