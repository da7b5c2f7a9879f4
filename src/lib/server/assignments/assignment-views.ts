import type { Kysely } from 'kysely';
import {
	dayOf,
	earliestCreated,
	isOverdue,
	NO_FACTS,
	scenarioState,
	STATE_LABELS,
	summarise,
	trackState,
	type AssigneeState,
	type CompletionSummary
} from '../../assignments/assignee-status';
import type { Actor } from '../access';
import { nowIso } from '../clock';
import { certifiedFor, findAssignment, listAssignments, peopleReachedBy, scenarioFactsFor, type Assignee, type Assignment } from '../db/assignments';
import { latestTitles } from '../db/content-versions';
import type { Database } from '../db/schema';
import { memberIdsOf } from '../db/teams';
import { canSeeAssignment, mayCancel } from './assignment-service';

export interface AssigneeStatus {
	userId: string;
	name: string;
	email: string;
	state: AssigneeState;
	stateLabel: string;
	overdue: boolean;
}

export interface AssignmentOverview {
	id: string;
	kind: Assignment['kind'];
	contentId: string;
	title: string;
	/** "Harbour Team", "Ray Esposito": who it was given to. */
	targetLabels: string[];
	dueOn: string;
	note: string;
	createdAt: string;
	createdByName: string;
	cancelled: boolean;
	summary: CompletionSummary;
	assignees: AssigneeStatus[];
}

const KIND_OF_TITLE = { scenario: 'scenario', track: 'track' } as const;

/** Names of teams and people by id, in two queries. */
async function namesOf(db: Kysely<Database>, teamIds: string[], userIds: string[]) {
	const [teams, users] = await Promise.all([
		teamIds.length ? db.selectFrom('team').select(['id', 'name']).where('id', 'in', teamIds).execute() : [],
		userIds.length ? db.selectFrom('user').select(['id', 'name']).where('id', 'in', userIds).execute() : []
	]);
	return { team: new Map(teams.map((t) => [t.id, t.name])), user: new Map(users.map((u) => [u.id, u.name])) };
}

/** Each assignment's people, each once: a team target's members plus the people named directly. */
function assigneesOf(assignment: Assignment, people: readonly Assignee[]): Assignee[] {
	const teams = new Set(assignment.targets.filter((t) => t.type === 'team').map((t) => t.id));
	const named = new Set(assignment.targets.filter((t) => t.type === 'user').map((t) => t.id));
	const seen = new Map<string, Assignee>();
	for (const p of people) if ((p.teamId ? teams.has(p.teamId) : named.has(p.userId)) && !seen.has(p.userId)) seen.set(p.userId, p);
	return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Completion of many assignments with a fixed number of queries, whatever the number of
 * assignments, teams or people. A team lead sees only the people on their own teams.
 */
export async function overviewOf(db: Kysely<Database>, actor: Actor, assignments: Assignment[]): Promise<AssignmentOverview[]> {
	if (assignments.length === 0) return [];
	const now = nowIso();
	const today = dayOf(now);
	const targets = assignments.flatMap((a) => a.targets);
	const scope = {
		teamIds: [...new Set(targets.filter((t) => t.type === 'team').map((t) => t.id))],
		userIds: [...new Set(targets.filter((t) => t.type === 'user').map((t) => t.id))]
	};
	const ofKind = (kind: Assignment['kind']) => [...new Set(assignments.filter((a) => a.kind === kind).map((a) => a.contentId))];
	const [reached, coached, facts, certified, scenarioTitles, trackTitles, names] = await Promise.all([
		peopleReachedBy(db, targets),
		actor.role === 'team_lead' ? memberIdsOf(db, actor.teamIds).then((ids) => new Set(ids)) : null,
		scenarioFactsFor(db, ofKind('scenario'), scope, earliestCreated(assignments)),
		certifiedFor(db, ofKind('track'), scope, now),
		latestTitles(db, 'scenario'),
		latestTitles(db, 'track'),
		namesOf(db, scope.teamIds, [...new Set([...scope.userIds, ...assignments.map((a) => a.createdBy)])])
	]);
	const people = coached ? reached.filter((p) => coached.has(p.userId)) : reached;
	return assignments.map((a) => {
		const assignees = assigneesOf(a, people).map((p) => {
			const state = a.kind === 'scenario' ? scenarioState(facts(p.userId, a.contentId) ?? NO_FACTS, a.createdAt) : trackState(certified(p.userId, a.contentId));
			// A track has no "attempted": short of the certificate, say so rather than "not started".
			const stateLabel = a.kind === 'track' && state !== 'done' ? 'Not certified yet' : STATE_LABELS[state];
			return { userId: p.userId, name: p.name, email: p.email, state, stateLabel, overdue: !a.cancelledAt && isOverdue(state, a.dueOn, today) };
		});
		const titles = a.kind === 'scenario' ? scenarioTitles : trackTitles;
		const summary = summarise(assignees.map((p) => p.state), a.dueOn, today);
		return {
			id: a.id,
			kind: a.kind,
			contentId: a.contentId,
			title: titles.get(a.contentId) ?? `${a.contentId} (no longer published ${KIND_OF_TITLE[a.kind]})`,
			targetLabels: a.targets.map((t) => (t.type === 'team' ? names.team.get(t.id) : names.user.get(t.id)) ?? 'someone who has left'),
			dueOn: a.dueOn,
			note: a.note,
			createdAt: a.createdAt,
			createdByName: names.user.get(a.createdBy) ?? 'someone who has left',
			cancelled: a.cancelledAt !== null,
			// A cancelled assignment is no one's to finish: nothing about it is overdue.
			summary: a.cancelledAt ? { ...summary, overdue: 0 } : summary,
			assignees
		};
	});
}

/** The assignments page: what this person may see, newest first, with counts but not every name. */
export async function assignmentList(db: Kysely<Database>, actor: Actor): Promise<Omit<AssignmentOverview, 'assignees'>[]> {
	const assignments = await listAssignments(db, actor.role === 'team_lead' ? { teamIds: actor.teamIds } : 'everyone');
	return (await overviewOf(db, actor, assignments)).map(({ assignees: _assignees, ...overview }) => overview);
}

export interface AssignmentDetail extends AssignmentOverview {
	mayCancel: boolean;
}

/** One assignment with each assignee's status; undefined when missing or not this person's to see. */
export async function assignmentDetail(db: Kysely<Database>, actor: Actor, id: string): Promise<AssignmentDetail | undefined> {
	const assignment = await findAssignment(db, id);
	if (!assignment || !(await canSeeAssignment(db, actor, assignment))) return undefined;
	const [[overview], cancellable] = await Promise.all([overviewOf(db, actor, [assignment]), mayCancel(db, actor, assignment)]);
	return { ...overview, mayCancel: cancellable && !assignment.cancelledAt };
}
