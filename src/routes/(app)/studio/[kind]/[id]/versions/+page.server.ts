import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { studioTarget } from '$lib/server/studio/editor-actions';
import { contentVersions, diffVersions, republishVersion } from '$lib/server/studio/version-history';
import type { Actions, PageServerLoad } from './$types';

const Version = z.coerce.number().int().min(1);
const Compare = z.object({ from: Version, to: Version });

export const load = (async ({ locals, params, url }) => {
	requireCapability(locals, 'author');
	const { kind, id } = studioTarget(params);
	const versions = await contentVersions(db(), kind, id);
	if (versions.length === 0) error(404, `No such ${kind}`);
	const asked = Compare.safeParse(Object.fromEntries(url.searchParams));
	const diff = asked.success ? await diffVersions(db(), kind, id, asked.data.from, asked.data.to) : undefined;
	return { kind, id, versions, diff };
}) satisfies PageServerLoad;

export const actions = {
	republish: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'author');
		const { kind, id } = studioTarget(params);
		const version = Version.safeParse((await request.formData()).get('version'));
		if (!version.success) return fail(400, { message: 'Choose a version' });
		const result = await republishVersion(db(), actor, kind, id, version.data);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { message: `Published version ${version.data}'s text again as version ${result.value.version}` };
	}
} satisfies Actions;
