import { error, redirect } from '@sveltejs/kit';
import type { Role } from './db/schema';

/**
 * The one place that decides who may do what. Every load, action and endpoint asks here;
 * routes never compare roles themselves.
 */
export interface Actor {
	id: string;
	email: string;
	name: string;
	role: Role;
	teamIds: string[];
}

export type Capability =
	| 'practise' // play scenarios, see own progress
	| 'author' // studio: scenarios, rubrics, tracks, assignments
	| 'coach' // team dashboards, reviews of team members' attempts
	| 'administer' // people, teams, tokens, credentials, audit log
	| 'assign' // give scenarios or tracks to teams or people, with a due date
	| 'decide-appeals' // uphold an appeal or override criterion scores, with a reason
	| 'read-statements'; // xAPI statements

const CAPABILITIES: Record<Role, readonly Capability[]> = {
	learner: ['practise'],
	trainer: ['practise', 'author', 'assign', 'decide-appeals', 'read-statements'],
	team_lead: ['practise', 'coach', 'assign', 'decide-appeals', 'read-statements'],
	admin: ['practise', 'author', 'coach', 'administer', 'assign', 'decide-appeals', 'read-statements']
};

export const ROLE_LABELS: Record<Role, string> = {
	learner: 'Learner',
	trainer: 'Trainer',
	team_lead: 'Team lead',
	admin: 'Admin'
};

export const can = (actor: Actor | undefined, capability: Capability): boolean =>
	!!actor && CAPABILITIES[actor.role].includes(capability);

export const capabilitiesOf = (actor: Actor): Capability[] => [...CAPABILITIES[actor.role]];

/** Signed-in person, or 401 (pages: the hook already sent anonymous visitors to sign in). */
export function requireUser(locals: App.Locals): Actor {
	if (!locals.user) error(401, 'Sign in to continue');
	return locals.user;
}

export function requireCapability(locals: App.Locals, capability: Capability): Actor {
	const actor = requireUser(locals);
	if (!can(actor, capability)) error(403, 'Your role does not allow this');
	return actor;
}

/** A record owned by one person: its owner, or whoever coaches a team the owner is on. */
export function canSeePersonsRecord(actor: Actor, owner: { id: string; teamIds: string[] }): boolean {
	if (actor.id === owner.id) return true;
	if (actor.role === 'admin') return true;
	if (actor.role === 'team_lead') return owner.teamIds.some((t) => actor.teamIds.includes(t));
	return false;
}

/** Whose team view a team is: an admin may open any team's, a team lead only the teams they lead. */
export function canCoachTeam(actor: Actor, teamId: string): boolean {
	if (actor.role === 'admin') return true;
	return actor.role === 'team_lead' && actor.teamIds.includes(teamId);
}

/**
 * Who an assignment may go to: trainers and admins assign across the organisation,
 * a team lead only to the teams they lead and the people on them.
 */
export function canAssignTo(actor: Actor, target: { teamId: string } | { userTeamIds: string[] }): boolean {
	if (!can(actor, 'assign')) return false;
	if (actor.role !== 'team_lead') return true;
	return 'teamId' in target ? actor.teamIds.includes(target.teamId) : target.userTeamIds.some((t) => actor.teamIds.includes(t));
}

/**
 * Who may decide a learner's appeal: trainers and admins for anyone, a team lead for the people
 * on their teams; never the learner who appealed, whatever their role.
 */
export function canDecideAppealOf(actor: Actor, owner: { id: string; teamIds: string[] }): boolean {
	if (!can(actor, 'decide-appeals') || actor.id === owner.id) return false;
	if (actor.role !== 'team_lead') return true;
	return owner.teamIds.some((t) => actor.teamIds.includes(t));
}

/** Pages that need no sign-in. Everything else sends an anonymous visitor to /signin. */
const PUBLIC_PATHS = [/^\/signin$/, /^\/auth\//, /^\/healthz$/, /^\/credentials\//, /^\/\.well-known\//];

export const isPublicPath = (pathname: string) => PUBLIC_PATHS.some((p) => p.test(pathname));

export function redirectToSignIn(url: URL): never {
	const target = url.pathname + url.search;
	redirect(303, target === '/' ? '/signin' : `/signin?redirectTo=${encodeURIComponent(target)}`);
}

/**
 * Whose learning records a statements reader gets: admins and trainers (who author for everyone)
 * see the organisation; a team lead sees the people on their teams, as `canSeePersonsRecord` says.
 */
export function statementScope(actor: Actor): { everyone: true } | { everyone: false; teamIds: string[]; selfId: string } {
	if (actor.role === 'admin' || actor.role === 'trainer') return { everyone: true };
	return { everyone: false, teamIds: actor.teamIds, selfId: actor.id };
}
