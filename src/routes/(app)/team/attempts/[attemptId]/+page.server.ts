import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { can, requireUser, type Actor } from '$lib/server/access';
import { db } from '$lib/server/app';
import { attemptForReview } from '$lib/server/coaching/attempt-review';
import { statusFor } from '$lib/server/http-errors';
import { debriefView } from '$lib/server/play/debrief-view';
import { addComment, commentsOn, CommentEditForm, CommentForm, editComment, removeComment } from '$lib/server/reviews/coaching-comments';
import type { Actions, PageServerLoad } from './$types';

/** Coaches review their team's attempts; trainers (who decide appeals) review anyone's. */
function requireReviewer(locals: App.Locals): Actor {
	const actor = requireUser(locals);
	if (!can(actor, 'coach') && !can(actor, 'decide-appeals')) error(403, 'Your role does not allow this');
	return actor;
}

export const load = (async ({ locals, params }) => {
	const actor = requireReviewer(locals);
	const result = await attemptForReview(db(), actor, params.attemptId);
	if (!result.ok) error(statusFor(result.error), result.message);
	return {
		debrief: debriefView(result.value, result.value.adjustment),
		learnerName: result.value.learnerName,
		comments: await commentsOn(db(), actor, params.attemptId),
		canCoach: can(actor, 'coach')
	};
}) satisfies PageServerLoad;

const CommentIdForm = z.object({ commentId: z.string().min(1) });

export const actions = {
	comment: async ({ locals, params, request }) => {
		const actor = requireReviewer(locals);
		const values = Object.fromEntries(await request.formData());
		const parsed = CommentForm.safeParse(values);
		const turn = typeof values.turn === 'string' && values.turn ? values.turn : null;
		if (!parsed.success) return fail(400, { turn, errors: z.flattenError(parsed.error).fieldErrors });
		const result = await addComment(db(), actor, params.attemptId, parsed.data);
		if (!result.ok) return fail(statusFor(result.error), { turn, message: result.message });
		return { saved: 'Comment added' };
	},
	editComment: async ({ locals, params, request }) => {
		const actor = requireReviewer(locals);
		const parsed = CommentEditForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'A comment needs 1 to 2000 characters', errors: z.flattenError(parsed.error).fieldErrors });
		const result = await editComment(db(), actor, params.attemptId, parsed.data.commentId, parsed.data.body);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { saved: 'Comment saved' };
	},
	deleteComment: async ({ locals, params, request }) => {
		const actor = requireReviewer(locals);
		const parsed = CommentIdForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Which comment?' });
		const result = await removeComment(db(), actor, params.attemptId, parsed.data.commentId);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { saved: 'Comment deleted' };
	}
} satisfies Actions;
