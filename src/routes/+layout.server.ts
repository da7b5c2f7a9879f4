import { navFor } from '$lib/server/nav/nav-for';
import { ROLE_LABELS } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const user = locals.user;
	return {
		user: user ? { name: user.name, email: user.email, role: user.role, roleLabel: ROLE_LABELS[user.role] } : null,
		nav: navFor(user)
	};
}) satisfies LayoutServerLoad;
