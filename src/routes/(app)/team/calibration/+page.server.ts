import { requireCapability } from '$lib/server/access';
import { db } from '$lib/server/app';
import { teamCalibration } from '$lib/server/progression/team-calibration';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const actor = requireCapability(locals, 'coach');
	return { exercises: await teamCalibration(db(), actor) };
}) satisfies PageServerLoad;
