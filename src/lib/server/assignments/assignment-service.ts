import type { Kysely } from 'kysely';
import { dayOf, dueDateProblem } from '../../assignments/assignee-status';
import { can, canAssignTo, type Actor } from '../access';
import { newId, nowIso } from '../clock';
import type { AssignmentKind } from '../db/assignment-schema';
import { findAssignment, insertAssignment, markCancelled, type Assignment, type AssignmentTarget } from '../db/assignments';
import { recordAudit } from '../db/audit-log';
import { latestTitles } from '../db/content-versions';
import type { Database } from '../db/schema';
import { findUserByEmail } from '../db/users';
import { failure, ok, type Result } from '../http-errors';

export interface AssignmentInput {
	kind: AssignmentKind;
	contentId: string;
	target: { type: 'team'; teamId: string } | { type: 'user'; email: string };
	dueOn: string;
	note: string;
}

/** Each named person's teams, in one query: what canAssignTo needs to judge a person target. */
async function teamsOfPeople(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string[]>> {
	const teams = new Map<string, string[]>(userIds.map((id) => [id, []]));
	if (userIds.length === 0) return teams;
	const rows = await db.selectFrom('team_member').select(['user_id', 'team_id']).where('user_id', 'in', userIds).execute();
	for (const r of rows) teams.get(r.user_id)?.push(r.team_id);
	return teams;
}

async function resolveTarget(db: Kysely<Database>, actor: Actor, target: AssignmentInput['target']): Promise<Result<AssignmentTarget>> {
	if (target.type === 'team') {
		const team = await db.selectFrom('team').select('id').where('id', '=', target.teamId).executeTakeFirst();
		if (!team) return failure('not-found', 'No such team');
		if (!canAssignTo(actor, { teamId: team.id })) return failure('forbidden', 'You may assign only to the teams you lead');
		return ok({ type: 'team', id: team.id });
	}
	const found = await findUserByEmail(db, target.email);
	// Someone a lead may not assign to is "not found", so the form does not reveal who exists elsewhere.
	const notFound = failure('not-found', `No one you may assign to has the email ${target.email}`);
	if (!found || !found.user.active) return notFound;
	const teams = await teamsOfPeople(db, [found.user.id]);
	if (!canAssignTo(actor, { userTeamIds: teams.get(found.user.id) ?? [] })) return notFound;
	return ok({ type: 'user', id: found.user.id });
}

/** Only published content may be assigned: a draft or archived scenario cannot be played. */
async function isPublished(db: Kysely<Database>, kind: AssignmentKind, id: string) {
	return (await latestTitles(db, kind)).has(id);
}

export async function createAssignment(db: Kysely<Database>, actor: Actor, input: AssignmentInput): Promise<Result<{ id: string }>> {
	const now = nowIso();
	const dueProblem = dueDateProblem(input.dueOn, dayOf(now));
	if (dueProblem) return failure('invalid', dueProblem);
	if (input.note.length > 500) return failure('invalid', 'Keep the note to 500 characters');
	if (!(await isPublished(db, input.kind, input.contentId))) return failure('invalid', `There is no published ${input.kind} "${input.contentId}"`);
	const target = await resolveTarget(db, actor, input.target);
	if (!target.ok) return target;
	const assignment = {
		id: newId(),
		kind: input.kind,
		contentId: input.contentId,
		dueOn: input.dueOn,
		note: input.note,
		createdBy: actor.id,
		createdAt: now,
		targets: [target.value]
	};
	await db.transaction().execute(async (trx) => {
		await insertAssignment(trx, assignment);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'assignment.created',
			subjectType: 'assignment',
			subjectId: assignment.id,
			details: { kind: assignment.kind, contentId: assignment.contentId, dueOn: assignment.dueOn, targets: assignment.targets }
		});
	});
	return ok({ id: assignment.id });
}

/** Whether the assignment reaches one of these teams: a target that is one, or a person on one. */
export async function reachesTeams(db: Kysely<Database>, assignment: Assignment, teamIds: string[]): Promise<boolean> {
	if (assignment.targets.some((t) => t.type === 'team' && teamIds.includes(t.id))) return true;
	const people = await teamsOfPeople(db, assignment.targets.filter((t) => t.type === 'user').map((t) => t.id));
	return [...people.values()].some((teams) => teams.some((t) => teamIds.includes(t)));
}

/** Trainers and admins see every assignment; a team lead those that reach their teams. */
export async function canSeeAssignment(db: Kysely<Database>, actor: Actor, assignment: Assignment): Promise<boolean> {
	if (!can(actor, 'assign')) return false;
	if (actor.role !== 'team_lead') return true;
	return reachesTeams(db, assignment, actor.teamIds);
}

/** Whether this person may cancel it: they could have made it, i.e. may assign to every target. */
export async function mayCancel(db: Kysely<Database>, actor: Actor, assignment: Assignment): Promise<boolean> {
	const people = await teamsOfPeople(db, assignment.targets.filter((t) => t.type === 'user').map((t) => t.id));
	return assignment.targets.every((t) => (t.type === 'team' ? canAssignTo(actor, { teamId: t.id }) : canAssignTo(actor, { userTeamIds: people.get(t.id) ?? [] })));
}

export async function cancelAssignment(db: Kysely<Database>, actor: Actor, id: string): Promise<Result<true>> {
	const assignment = await findAssignment(db, id);
	if (!assignment || !(await canSeeAssignment(db, actor, assignment))) return failure('not-found', 'No such assignment');
	if (!(await mayCancel(db, actor, assignment))) return failure('forbidden', 'Only someone who may assign to all of its teams and people can cancel this');
	if (assignment.cancelledAt) return failure('conflict', 'This assignment is already cancelled');
	const cancelled = await db.transaction().execute(async (trx) => {
		if (!(await markCancelled(trx, id, actor.id, nowIso()))) return false;
		await recordAudit(trx, { actorId: actor.id, action: 'assignment.cancelled', subjectType: 'assignment', subjectId: id, details: { kind: assignment.kind, contentId: assignment.contentId } });
		return true;
	});
	return cancelled ? ok(true) : failure('conflict', 'This assignment is already cancelled');
}
