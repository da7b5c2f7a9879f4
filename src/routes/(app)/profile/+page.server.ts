import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireUser } from '$lib/server/access';
import { db } from '$lib/server/app';
import { changePassword, PasswordChange } from '$lib/server/auth/change-password';
import { createAccessToken, listAccessTokens, revokeAccessToken } from '$lib/server/db/tokens';
import type { Actions, PageServerLoad } from './$types';

const TokenName = z.object({ name: z.string().trim().min(1, 'Give the token a name').max(80) });
const TokenId = z.object({ id: z.uuid() });

export const load = (async ({ locals }) => {
	const actor = requireUser(locals);
	return { tokens: await listAccessTokens(db(), actor.id), email: actor.email };
}) satisfies PageServerLoad;

export const actions = {
	createToken: async ({ locals, request }) => {
		const actor = requireUser(locals);
		const parsed = TokenName.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { tokenError: z.flattenError(parsed.error).fieldErrors.name?.[0] });
		const { secret } = await createAccessToken(db(), actor.id, parsed.data.name);
		return { newToken: secret, newTokenName: parsed.data.name };
	},
	revokeToken: async ({ locals, request }) => {
		const actor = requireUser(locals);
		const parsed = TokenId.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { tokenError: 'Unknown token' });
		if (!(await revokeAccessToken(db(), actor.id, parsed.data.id))) return fail(404, { tokenError: 'No such token of yours' });
		return { revoked: true };
	},
	changePassword: async ({ locals, request }) => {
		const actor = requireUser(locals);
		const parsed = PasswordChange.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { passwordErrors: z.flattenError(parsed.error).fieldErrors });
		const result = await changePassword(db(), actor.id, parsed.data);
		if (!result.ok) return fail(400, { passwordErrors: { current: [result.message] } as Partial<Record<'current' | 'next' | 'confirm', string[]>> });
		// The change ended every session, this one included.
		redirect(303, '/signin?changed=1');
	}
} satisfies Actions;
