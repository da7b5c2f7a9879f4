import { fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/access';
import { TokenIdForm } from '$lib/server/admin/admin-forms';
import { revokeTokenAudited } from '$lib/server/admin/token-admin';
import { db } from '$lib/server/app';
import { listAllAccessTokens } from '$lib/server/db/tokens';
import { statusFor } from '$lib/server/http-errors';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	requireCapability(locals, 'administer');
	return { tokens: await listAllAccessTokens(db()) };
}) satisfies PageServerLoad;

export const actions = {
	revoke: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const parsed = TokenIdForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: 'Unknown token' });
		const result = await revokeTokenAudited(db(), actor, parsed.data.id);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { done: 'Token revoked' };
	}
} satisfies Actions;
