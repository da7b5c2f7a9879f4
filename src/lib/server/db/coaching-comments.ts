import type { Kysely, Selectable } from 'kysely';
import { newId, nowIso } from '../clock';
import type { CoachingCommentTable } from './review-schema';
import type { Database } from './schema';

export interface CoachingComment {
	id: string;
	attemptId: string;
	authorId: string;
	authorName: string;
	/** 1-based turn, or null for a comment on the whole attempt. */
	turn: number | null;
	body: string;
	createdAt: string;
	updatedAt: string;
}

const toComment = (row: Selectable<CoachingCommentTable> & { author_name: string }): CoachingComment => ({
	id: row.id,
	attemptId: row.attempt_id,
	authorId: row.author_id,
	authorName: row.author_name,
	turn: row.turn === null ? null : Number(row.turn),
	body: row.body,
	createdAt: row.created_at,
	updatedAt: row.updated_at
});

export async function insertComment(db: Kysely<Database>, input: { attemptId: string; authorId: string; turn: number | null; body: string }) {
	const at = nowIso();
	const id = newId();
	await db
		.insertInto('coaching_comment')
		.values({ id, attempt_id: input.attemptId, author_id: input.authorId, turn: input.turn, body: input.body, created_at: at, updated_at: at })
		.execute();
	return id;
}

/** Oldest first, so a conversation about a turn reads top to bottom. */
export async function listComments(db: Kysely<Database>, attemptId: string): Promise<CoachingComment[]> {
	const rows = await db
		.selectFrom('coaching_comment as c')
		.innerJoin('user as u', 'u.id', 'c.author_id')
		.selectAll('c')
		.select('u.name as author_name')
		.where('c.attempt_id', '=', attemptId)
		.orderBy('c.created_at')
		.orderBy('c.id')
		.execute();
	return rows.map(toComment);
}

export async function findComment(db: Kysely<Database>, id: string): Promise<CoachingComment | undefined> {
	const row = await db
		.selectFrom('coaching_comment as c')
		.innerJoin('user as u', 'u.id', 'c.author_id')
		.selectAll('c')
		.select('u.name as author_name')
		.where('c.id', '=', id)
		.executeTakeFirst();
	return row && toComment(row);
}

export async function updateCommentBody(db: Kysely<Database>, id: string, body: string) {
	await db.updateTable('coaching_comment').set({ body, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function deleteComment(db: Kysely<Database>, id: string) {
	await db.deleteFrom('coaching_comment').where('id', '=', id).execute();
}
