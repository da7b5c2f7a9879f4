import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { can, requireCapability, requireUser } from '$lib/server/access';
import { db } from '$lib/server/app';
import { statusFor } from '$lib/server/http-errors';
import { ContentId } from '$lib/server/studio/content-id';
import { loadScenarioAnalytics, teamChoicesFor } from '$lib/server/studio/analytics-view';
import { PERIODS } from '$lib/studio/analytics-period';
import { ALL_TEAMS } from '$lib/studio/analytics-rollup';
import type { PageServerLoad } from './$types';

const Day = z.union([z.literal('').transform(() => undefined), z.iso.date({ error: 'use a date like 2026-01-31' })]).optional();
const Filter = z.object({
	team: z.string().min(1).max(100).optional(),
	period: z.enum(PERIODS, { error: 'choose one of the listed periods' }).default('all'),
	from: Day,
	to: Day
});

// A read-only report whose filters are a plain GET form: nothing on it needs the browser's
// JavaScript, so it is sent without the client and without its data a second time for hydration.
export const csr = false;

export const load = (async ({ locals, params, url }) => {
	// Authors see every team; a team lead (coach) sees only the teams they lead.
	const actor = can(requireUser(locals), 'author') ? requireCapability(locals, 'author') : requireCapability(locals, 'coach');
	const id = ContentId.safeParse(params.id);
	if (!id.success) error(404, 'No such scenario');
	const parsed = Filter.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		const fields = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
		error(400, `Check the filters: ${Object.entries(fields).map(([field, messages]) => `${field}: ${messages?.join(', ')}`).join('; ')}`);
	}
	const team = parsed.data.team ?? (can(actor, 'author') ? ALL_TEAMS : (await teamChoicesFor(db(), actor))[0]?.id);
	if (!team) error(403, 'You lead no team, so there are no figures to show');
	const result = await loadScenarioAnalytics(db(), actor, id.data, { ...parsed.data, team });
	if (!result.ok) error(statusFor(result.error), result.message);
	return { analytics: result.value, canEdit: can(actor, 'author') };
}) satisfies PageServerLoad;
