import type { Kysely } from 'kysely';
import { competencyHeatmap, passRate, type Heatmap } from '../../coaching/competency-heatmap';
import { canSeePersonsRecord, type Actor } from '../access';
import { addSeconds, nowIso } from '../clock';
import type { Database } from '../db/schema';
import { attemptsOfPeople } from '../db/team-reports';
import { listMemberships } from '../db/teams';
import { listUsers } from '../db/users';

const LOOKBACK_DAYS = 90;

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
	const [users, memberships] = await Promise.all([listUsers(db), listMemberships(db)]);
	const teamsOf = (userId: string) => memberships.filter((m) => m.userId === userId);
	const people = users.filter(
		(u) => u.active && u.id !== actor.id && teamsOf(u.id).length > 0 && canSeePersonsRecord(actor, { id: u.id, teamIds: teamsOf(u.id).map((m) => m.teamId) })
	);
	const visibleTeams = new Set(people.flatMap((p) => teamsOf(p.id).map((m) => m.teamName)));
	const attempts = await attemptsOfPeople(db, people.map((p) => p.id), addSeconds(nowIso(), -LOOKBACK_DAYS * 86400));
	const members = people.map((p): TeamMember => {
		const own = attempts.filter((a) => a.userId === p.id);
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
	const heatmap = competencyHeatmap(
		people.map((p) => ({ memberId: p.id, attempts: attempts.filter((a) => a.userId === p.id && a.criteria.length > 0).map((a) => ({ startedAt: a.startedAt, criteria: a.criteria })) }))
	);
	return { teamNames: [...visibleTeams].sort(), members, heatmap, lookbackDays: LOOKBACK_DAYS };
}
