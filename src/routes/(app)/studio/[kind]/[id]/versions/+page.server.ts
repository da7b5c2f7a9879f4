import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { diffVersions, republishVersion, scenarioVersions } from '$lib/server/studio/scenario-versions';
import type { Actions, PageServerLoad } from './$types';

const Version = z.coerce.number().int().min(1);
const Compare = z.object({ from: Version, to: Version });

const scenarioId = (params: { id: string }) => {
	const id = ContentId.safeParse(params.id);
	if (!id.success) error(404, 'No such scenario');
	return id.data;
};

export const load = (async ({ locals, params, url }) => {
	requireCapability(locals, 'author');
	const id = scenarioId(params);
	const versions = await scenarioVersions(db(), id);
	if (versions.length === 0) error(404, 'No such scenario');
	const asked = Compare.safeParse(Object.fromEntries(url.searchParams));
	const diff = asked.success ? await diffVersions(db(), id, asked.data.from, asked.data.to) : undefined;
	return { id, versions, diff };
}) satisfies PageServerLoad;

export const actions = {
	republish: async ({ locals, params, request }) => {
		const actor = requireCapability(locals, 'author');
		const version = Version.safeParse((await request.formData()).get('version'));
		if (!version.success) return fail(400, { message: 'Choose a version' });
		const result = await republishVersion(db(), actor, scenarioId(params), version.data);
		if (!result.ok) return fail(statusFor(result.error), { message: result.message });
		return { message: `Published version ${version.data}'s text again as version ${result.value.version}` };
	}
} satisfies Actions;
