import type { Kysely } from 'kysely';
import { dayOf } from '../../assignments/assignee-status';
import type { Actor } from '../access';
import { nowIso } from '../clock';
import { listAssignments } from '../db/assignments';
import type { Database } from '../db/schema';
import type { TeamScope } from '../db/teams';
import { overviewOf } from './assignment-views';

export interface OverdueAssignment {
	id: string;
	title: string;
	dueOn: string;
}

/**
 * For the team view: each person's overdue assignments, by person id. Only open assignments past
 * their due day that reach the view's teams are read, and a lead sees only the people on their teams.
 */
export async function overdueByMember(db: Kysely<Database>, actor: Actor, scope: TeamScope): Promise<Record<string, OverdueAssignment[]>> {
	const assignments = await listAssignments(db, { teamIds: [...scope.teamIds] }, { openAndDueBefore: dayOf(nowIso()) });
	const overdue: Record<string, OverdueAssignment[]> = {};
	for (const a of await overviewOf(db, actor, assignments))
		for (const p of a.assignees) if (p.overdue) (overdue[p.userId] ??= []).push({ id: a.id, title: a.title, dueOn: a.dueOn });
	return overdue;
}
