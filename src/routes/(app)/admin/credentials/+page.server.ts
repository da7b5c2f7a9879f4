import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { credentialsForAdmin, revokeCredential } from '$lib/server/progression/credential-view';
import type { Actions, PageServerLoad } from './$types';

const RevokeForm = z.object({
	id: z.uuid(),
	reason: z.string().trim().min(3, 'Give a reason: it is shown on the public verification page').max(300)
});

export const load = (async ({ locals }) => {
	requireCapability(locals, 'administer');
	return { credentials: await credentialsForAdmin(db()) };
}) satisfies PageServerLoad;

export const actions = {
	revoke: async ({ locals, request }) => {
		const actor = requireCapability(locals, 'administer');
		const values = Object.fromEntries(await request.formData());
		const parsed = RevokeForm.safeParse(values);
		if (!parsed.success) return fail(400, { id: String(values.id ?? ''), errors: z.flattenError(parsed.error).fieldErrors });
		const result = await revokeCredential(db(), actor, parsed.data.id, parsed.data.reason);
		if (!result.ok) return fail(statusFor(result.error), { id: parsed.data.id, message: result.message });
		return { id: parsed.data.id, revoked: true };
	}
} satisfies Actions;
