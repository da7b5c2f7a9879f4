import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../access';
import { deleteComment, findComment, insertComment, listComments, updateCommentBody, type CoachingComment } from '../db/coaching-comments';
import { notify } from '../db/notifications';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { loadRuntime } from '../play/scenario-runtime';
import { canReviewAttemptOf, finishedAttemptWithOwner } from './review-access';

export const COMMENT_MAX = 2000;

/** A comment form: text, and the turn it is about (empty for the whole attempt). */
export const CommentForm = z.object({
	body: z.string().trim().min(1, 'Write a comment').max(COMMENT_MAX, `At most ${COMMENT_MAX} characters`),
	turn: z
		.union([z.literal(''), z.coerce.number().int().min(1)])
		.optional()
		.transform((t) => (t === '' || t === undefined ? null : t))
});

export const CommentEditForm = z.object({
	commentId: z.string().min(1),
	body: CommentForm.shape.body
});

/** Comments are about decisions, which are numbered 1 to the attempt's number of events. */
export async function addComment(db: Kysely<Database>, actor: Actor, attemptId: string, input: { turn: number | null; body: string }): Promise<Result<string>> {
	const found = await finishedAttemptWithOwner(db, attemptId);
	if (!found || !canReviewAttemptOf(actor, found.owner)) return failure('not-found', 'No such attempt of anyone you review');
	const { attempt } = found;
	if (input.turn !== null && input.turn > attempt.seq) return failure('invalid', `This attempt has no turn ${input.turn}`);
	const id = await db.transaction().execute(async (trx) => {
		const commentId = await insertComment(trx, { attemptId, authorId: actor.id, turn: input.turn, body: input.body });
		const title = (await loadRuntime(trx, attempt))?.scenario.title ?? attempt.scenarioId;
		const where = input.turn === null ? 'your attempt' : `turn ${input.turn} of your attempt`;
		await notify(trx, { userId: attempt.userId, kind: 'coaching-comment', attemptId, message: `${actor.name} commented on ${where} at ${title}.` });
		return commentId;
	});
	return ok(id);
}

/** Only the author edits or deletes a comment; anyone else's is "not found". */
async function ownComment(db: Kysely<Database>, actor: Actor, attemptId: string, commentId: string) {
	const comment = await findComment(db, commentId);
	return comment && comment.authorId === actor.id && comment.attemptId === attemptId ? comment : undefined;
}

export async function editComment(db: Kysely<Database>, actor: Actor, attemptId: string, commentId: string, body: string): Promise<Result<null>> {
	if (!(await ownComment(db, actor, attemptId, commentId))) return failure('not-found', 'No such comment of yours');
	await updateCommentBody(db, commentId, body);
	return ok(null);
}

export async function removeComment(db: Kysely<Database>, actor: Actor, attemptId: string, commentId: string): Promise<Result<null>> {
	if (!(await ownComment(db, actor, attemptId, commentId))) return failure('not-found', 'No such comment of yours');
	await deleteComment(db, commentId);
	return ok(null);
}

export interface CommentView {
	id: string;
	authorName: string;
	body: string;
	at: string;
	edited: boolean;
	mine: boolean;
}

export interface AttemptComments {
	overall: CommentView[];
	byTurn: Record<number, CommentView[]>;
}

const toView = (actor: Actor) => (c: CoachingComment): CommentView => ({
	id: c.id,
	authorName: c.authorName,
	body: c.body,
	at: c.createdAt,
	edited: c.updatedAt !== c.createdAt,
	mine: c.authorId === actor.id
});

/** The attempt's comments grouped the way the pages show them. Callers have checked access. */
export async function commentsOn(db: Kysely<Database>, actor: Actor, attemptId: string): Promise<AttemptComments> {
	const comments = (await listComments(db, attemptId)).map((c) => ({ turn: c.turn, view: toView(actor)(c) }));
	const byTurn: Record<number, CommentView[]> = {};
	for (const { turn, view } of comments) if (turn !== null) (byTurn[turn] ??= []).push(view);
	return { overall: comments.filter((c) => c.turn === null).map((c) => c.view), byTurn };
}
