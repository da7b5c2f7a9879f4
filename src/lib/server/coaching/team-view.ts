import type { Kysely } from 'kysely';
import { competencyHeatmap, passRate, type Heatmap } from '../../coaching/competency-heatmap';
import { scoredSince, type WindowAttempt } from '../../coaching/criterion-window';
import { canCoachTeam, canSeePersonsRecord, type Actor } from '../access';
import { addSeconds, nowIso } from '../clock';
import { keptCriterionWindows, windowsFromSource } from '../db/criterion-windows';
import type { Database } from '../db/schema';
import { activityInScope, peopleInScope, recentFinishedInScope } from '../db/team-reports';
import { listTeams, type TeamScope } from '../db/teams';
import { failure, ok, type Result } from '../http-errors';

const LOOKBACK_DAYS = 90;
const RECENT_PER_MEMBER = 5;

/** Map.groupBy, which Node 20 lacks. */
const groupBy = <T>(items: readonly T[], key: (item: T) => string) => {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
};

export interface TeamMember {
	id: string;
	name: string;
	teams: string[];
	attempts: number;
	passRate: number | null;
	lastActive: string | null;
	recent: { id: string; title: string; status: string; score: number | null; at: string }[];
}

export interface TeamView {
	teamNames: string[];
	members: TeamMember[];
	heatmap: Heatmap;
	lookbackDays: number;
}

export interface TeamChoice {
	id: string;
	name: string;
}

/** Which teams the view shows, and the others the actor could pick instead. */
export interface TeamSelection {
	scope: TeamScope;
	/** The team picked, or null for all of a lead's teams at once. */
	chosen: string | null;
	choices: TeamChoice[];
}

/**
 * A team lead sees all the teams they lead unless they pick one. An admin sees one team at a time,
 * the first by name unless they pick another: a large organisation's everyone is too many people
 * for one page to read and show.
 */
export async function selectTeams(db: Kysely<Database>, actor: Actor, chosen?: string): Promise<Result<TeamSelection>> {
	const teams = await listTeams(db);
	const choices = actor.role === 'admin' ? teams : teams.filter((t) => canCoachTeam(actor, t.id));
	if (chosen !== undefined && !choices.some((t) => t.id === chosen)) return failure('not-found', 'No such team of yours');
	if (chosen !== undefined) return ok({ scope: { teamIds: [chosen] }, chosen, choices });
	if (actor.role === 'admin') return ok({ scope: { teamIds: choices.slice(0, 1).map((t) => t.id) }, chosen: choices[0]?.id ?? null, choices });
	return ok({ scope: { teamIds: choices.map((t) => t.id) }, chosen: null, choices });
}

/** The selected teams at a glance: everyone on them, the viewer excepted. */
export async function teamView(db: Kysely<Database>, actor: Actor, scope: TeamScope): Promise<TeamView> {
	if (scope.teamIds.length === 0) return { teamNames: [], members: [], heatmap: competencyHeatmap([]), lookbackDays: LOOKBACK_DAYS };
	const since = addSeconds(nowIso(), -LOOKBACK_DAYS * 86400);
	// One round trip: each read names the scope's people by subquery rather than waiting for their ids.
	// The database counts and ranks the attempts, so a member's hundred attempts arrive as six rows.
	const [{ users, memberships }, activity, recent, kept] = await Promise.all([
		peopleInScope(db, scope),
		activityInScope(db, scope, since),
		recentFinishedInScope(db, scope, since, RECENT_PER_MEMBER),
		keptCriterionWindows(db, scope)
	]);
	// Grouped once: filtering every membership for every person is quadratic in a large organisation.
	const byUser = groupBy(memberships, (m) => m.userId);
	const teamsOf = (userId: string) => byUser.get(userId) ?? [];
	const people = users.filter(
		(u) => u.active && u.id !== actor.id && teamsOf(u.id).length > 0 && canSeePersonsRecord(actor, { id: u.id, teamIds: teamsOf(u.id).map((m) => m.teamId) })
	);
	const visibleTeams = new Set(people.flatMap((p) => teamsOf(p.id).map((m) => m.teamName)));
	const activityOf = new Map(activity.map((a) => [a.userId, a]));
	const recentOf = groupBy(recent, (a) => a.userId);
	const members = people.map((p): TeamMember => {
		const own = activityOf.get(p.id);
		return {
			id: p.id,
			name: p.name,
			teams: teamsOf(p.id).map((m) => m.teamName),
			attempts: own?.attempts ?? 0,
			passRate: own ? passRate(own.passed, own.failed) : null,
			lastActive: own?.lastActive ?? null,
			recent: (recentOf.get(p.id) ?? []).map((a) => ({ id: a.id, title: a.scenarioTitle, status: a.status, score: a.scoreTotal, at: a.startedAt }))
		};
	});
	// A member with no kept window (nothing scored since windows began) is read from the attempts.
	const missing = people.filter((p) => !kept.has(p.id)).map((p) => p.id);
	const built = missing.length > 0 ? await windowsFromSource(db, missing) : new Map<string, WindowAttempt[]>();
	const windowOf = (id: string) => kept.get(id) ?? built.get(id) ?? [];
	const heatmap = competencyHeatmap(people.map((p) => ({ memberId: p.id, attempts: scoredSince(windowOf(p.id), since) })));
	return { teamNames: [...visibleTeams].sort(), members, heatmap, lookbackDays: LOOKBACK_DAYS };
}
