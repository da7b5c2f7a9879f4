import type { Kysely } from 'kysely';
import { byDueDate, dayOf, earliestCreated, isOverdue, NO_FACTS, scenarioState, trackState, type AssigneeState } from '../../assignments/assignee-status';
import type { Actor } from '../access';
import { nowIso } from '../clock';
import { certifiedFor, openAssignmentsReaching, scenarioFactsFor } from '../db/assignments';
import { latestTitles } from '../db/content-versions';
import type { Database } from '../db/schema';

export interface LearnerAssignment {
	id: string;
	kind: 'scenario' | 'track';
	contentId: string;
	title: string;
	dueOn: string;
	note: string;
	createdAt: string;
	state: AssigneeState;
	overdue: boolean;
}

/**
 * This person's open assignments, due soonest first, each with where they stand. Team targets reach
 * learners only (a lead on the team leads it); content no longer published is left out, as it
 * cannot be played. A fixed number of queries.
 */
export async function learnerAssignments(db: Kysely<Database>, actor: Actor): Promise<LearnerAssignment[]> {
	const assignments = await openAssignmentsReaching(db, actor.id, actor.role === 'learner' ? actor.teamIds : []);
	if (assignments.length === 0) return [];
	const now = nowIso();
	const scope = { teamIds: [], userIds: [actor.id] };
	const ids = (kind: string) => assignments.filter((a) => a.kind === kind).map((a) => a.contentId);
	const [facts, certified, scenarioTitles, trackTitles] = await Promise.all([
		scenarioFactsFor(db, ids('scenario'), scope, earliestCreated(assignments)),
		certifiedFor(db, ids('track'), scope, now),
		latestTitles(db, 'scenario'),
		latestTitles(db, 'track')
	]);
	return assignments
		.flatMap((a) => {
			const title = (a.kind === 'scenario' ? scenarioTitles : trackTitles).get(a.contentId);
			if (!title) return [];
			const state = a.kind === 'scenario' ? scenarioState(facts(actor.id, a.contentId) ?? NO_FACTS, a.createdAt) : trackState(certified(actor.id, a.contentId));
			return [{ id: a.id, kind: a.kind, contentId: a.contentId, title, dueOn: a.dueOn, note: a.note, createdAt: a.createdAt, state, overdue: isOverdue(state, a.dueOn, dayOf(now)) }];
		})
		.sort(byDueDate);
}
