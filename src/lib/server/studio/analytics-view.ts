import type { Kysely } from 'kysely';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import { periodDays, type Period } from '../../studio/analytics-period';
import { buildAnalyticsReport, type AnalyticsReport } from '../../studio/analytics-report';
import { ALL_TEAMS, NO_TEAM } from '../../studio/analytics-rollup';
import { can, type Actor } from '../access';
import { nowIso } from '../clock';
import { latestVersions, type ContentVersion } from '../db/content-versions';
import { readScenarioRollups } from '../db/scenario-analytics';
import type { Database } from '../db/schema';
import { listTeams } from '../db/teams';
import { failure, ok, type Result } from '../http-errors';
import { studioMap, type StudioMap } from './studio-map';

export interface AnalyticsFilter {
	team: string;
	period: Period;
	from?: string;
	to?: string;
}

export interface ScenarioAnalytics {
	id: string;
	title: string;
	version: number;
	map: StudioMap;
	report: AnalyticsReport;
	teams: { id: string; name: string }[];
	filter: AnalyticsFilter;
	days: { from?: string; to?: string };
}

// A published version never changes, so its laid-out map is computed once per instance.
const maps = new Map<string, StudioMap>();
const mapOf = (scenario: ContentVersion<Scenario>) => {
	const key = `${scenario.id}@${scenario.version}#${scenario.contentHash}`;
	let map = maps.get(key);
	if (!map) {
		if (maps.size > 200) maps.delete(maps.keys().next().value!);
		maps.set(key, (map = studioMap(scenario.definition)));
	}
	return map;
};

/**
 * The team buckets the actor may filter by: an author sees everyone, each team and learners on
 * no team; a team lead only the teams they lead (the organisation's figures are not theirs).
 */
export async function teamChoicesFor(db: Kysely<Database>, actor: Actor) {
	const teams = await listTeams(db);
	if (can(actor, 'author')) return [{ id: ALL_TEAMS, name: 'All teams' }, ...teams, { id: NO_TEAM, name: 'No team' }];
	return teams.filter((t) => actor.teamIds.includes(t.id));
}

/**
 * A scenario's analytics for one team bucket and period, read from the roll-ups only; drawn
 * over the latest published version (the one learners play now).
 */
export async function loadScenarioAnalytics(
	db: Kysely<Database>,
	actor: Actor,
	scenarioId: string,
	filter: AnalyticsFilter
): Promise<Result<ScenarioAnalytics>> {
	const published = await latestVersions<Scenario>(db, 'scenario', { id: scenarioId, status: 'published' });
	const [scenario] = published.length ? published : await latestVersions<Scenario>(db, 'scenario', { id: scenarioId });
	if (!scenario) return failure('not-found', `No scenario "${scenarioId}"`);
	const days = periodDays(filter.period, nowIso().slice(0, 10), filter);
	// Read together (on PostgreSQL each is a round trip); the sums are used only once the team is known to be the actor's.
	const [teams, [rubric], sums] = await Promise.all([
		teamChoicesFor(db, actor),
		latestVersions<Rubric>(db, 'rubric', { id: scenario.definition.rubric, status: 'published' }),
		readScenarioRollups(db, scenarioId, { teamId: filter.team, ...days })
	]);
	if (!teams.some((t) => t.id === filter.team)) return failure('not-found', 'No such team');
	if (days.from && days.to && days.from > days.to) return failure('invalid', 'The start date is after the end date');
	const definition = scenario.definition;
	const report = buildAnalyticsReport(sums, {
		nodes: Object.entries(definition.nodes).map(([id, node]) => ({
			id,
			isEnding: node.outcome !== undefined,
			options: (node.options ?? []).map((o) => ({ id: o.id, text: o.text }))
		})),
		criteria: (rubric?.definition.criteria ?? []).map((c) => ({ id: c.id, label: c.label }))
	});
	return ok({ id: scenarioId, title: scenario.title, version: scenario.version, map: mapOf(scenario), report, teams, filter, days });
}
