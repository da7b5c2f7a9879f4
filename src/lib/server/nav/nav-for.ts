import { can, type Actor } from '../access';

export interface NavLink {
	href: string;
	label: string;
}

/** The navigation a person sees follows what their role may do, decided by the access module. */
export function navFor(actor: Actor | undefined): NavLink[] {
	if (!actor) return [];
	const links: NavLink[] = [{ href: '/', label: 'Home' }];
	if (can(actor, 'practise')) {
		links.push(
			{ href: '/scenarios', label: 'Scenarios' },
			{ href: '/attempts', label: 'History' },
			{ href: '/progress', label: 'Progress' },
			{ href: '/leaderboard', label: 'Leaderboard' }
		);
	}
	if (can(actor, 'author')) links.push({ href: '/studio', label: 'Studio' });
	if (can(actor, 'assign')) links.push({ href: '/assignments', label: 'Assignments' });
	if (can(actor, 'coach')) links.push({ href: '/team', label: 'Team' });
	if (can(actor, 'decide-appeals')) links.push({ href: '/appeals', label: 'Appeals' });
	if (can(actor, 'administer')) links.push({ href: '/admin', label: 'Admin' });
	return links;
}
