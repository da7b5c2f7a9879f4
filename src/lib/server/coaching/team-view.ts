import type { Kysely } from 'kysely';
import { competencyHeatmap, passRate, type Heatmap } from '../../coaching/competency-heatmap';
import { scoredSince } from '../../coaching/criterion-window';
import { canSeePersonsRecord, type Actor } from '../access';
import { addSeconds, nowIso } from '../clock';
import { readCriterionWindows } from '../db/criterion-windows';
import type { Database } from '../db/schema';
import { attemptsOfPeople } from '../db/team-reports';
import { listMemberships, memberIdsOf } from '../db/teams';
import { findUsersByIds, listUsers } from '../db/users';

const LOOKBACK_DAYS = 90;

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

/** The lead's teams at a glance: everyone on a team they coach (admins: every team), themselves excepted. */
export async function teamView(db: Kysely<Database>, actor: Actor): Promise<TeamView> {
	// Only an admin may see beyond their own teams; everyone else reads just their teams' people, not the whole organisation.
	const scope = actor.role === 'admin' ? undefined : await memberIdsOf(db, actor.teamIds);
	const [users, memberships] = await Promise.all([scope ? findUsersByIds(db, scope) : listUsers(db), listMemberships(db, scope)]);
	// Grouped once: filtering every membership for every person is quadratic in a large organisation.
	const byUser = groupBy(memberships, (m) => m.userId);
	const teamsOf = (userId: string) => byUser.get(userId) ?? [];
	const people = users.filter(
		(u) => u.active && u.id !== actor.id && teamsOf(u.id).length > 0 && canSeePersonsRecord(actor, { id: u.id, teamIds: teamsOf(u.id).map((m) => m.teamId) })
	);
	const visibleTeams = new Set(people.flatMap((p) => teamsOf(p.id).map((m) => m.teamName)));
	const since = addSeconds(nowIso(), -LOOKBACK_DAYS * 86400);
	const ids = people.map((p) => p.id);
	// Each member's window holds their newest scored attempts' criteria: one row per member, no score JSON.
	const [attempts, windows] = await Promise.all([attemptsOfPeople(db, ids, since), readCriterionWindows(db, ids)]);
	const attemptsBy = groupBy(attempts, (a) => a.userId);
	const members = people.map((p): TeamMember => {
		const own = attemptsBy.get(p.id) ?? [];
		return {
			id: p.id,
			name: p.name,
			teams: teamsOf(p.id).map((m) => m.teamName),
			attempts: own.length,
			passRate: passRate(own.map((a) => a.status)),
			lastActive: own.reduce<string | null>((last, a) => (!last || a.updatedAt > last ? a.updatedAt : last), null),
			recent: own.filter((a) => a.status !== 'in_progress').slice(0, 5).map((a) => ({ id: a.id, title: a.scenarioTitle, status: a.status, score: a.scoreTotal, at: a.startedAt }))
		};
	});
	const heatmap = competencyHeatmap(people.map((p) => ({ memberId: p.id, attempts: scoredSince(windows.get(p.id) ?? [], since) })));
	return { teamNames: [...visibleTeams].sort(), members, heatmap, lookbackDays: LOOKBACK_DAYS };
}
