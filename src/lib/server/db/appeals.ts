import { sql, type Kysely, type Selectable } from 'kysely';
import { newId, nowIso } from '../clock';
import type { AppealStatus, AppealTable } from './review-schema';
import type { Database } from './schema';

export interface Appeal {
	id: string;
	attemptId: string;
	userId: string;
	reason: string;
	status: AppealStatus;
	createdAt: string;
	decidedBy: string | null;
	decidedAt: string | null;
	decisionReason: string | null;
}

const toAppeal = (row: Selectable<AppealTable>): Appeal => ({
	id: row.id,
	attemptId: row.attempt_id,
	userId: row.user_id,
	reason: row.reason,
	status: row.status,
	createdAt: row.created_at,
	decidedBy: row.decided_by,
	decidedAt: row.decided_at,
	decisionReason: row.decision_reason
});

/** Stores an open appeal; false when the attempt already has one (the unique index decides races). */
export async function insertOpenAppeal(db: Kysely<Database>, input: { attemptId: string; userId: string; reason: string }): Promise<Appeal | undefined> {
	const row: Selectable<AppealTable> = {
		id: newId(),
		attempt_id: input.attemptId,
		user_id: input.userId,
		reason: input.reason,
		status: 'open',
		created_at: nowIso(),
		decided_by: null,
		decided_at: null,
		decision_reason: null
	};
	const result = await db.insertInto('appeal').values(row).onConflict((oc) => oc.column('attempt_id').where('status', '=', sql.lit('open')).doNothing()).executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? toAppeal(row) : undefined;
}

export async function findAppeal(db: Kysely<Database>, id: string): Promise<Appeal | undefined> {
	const row = await db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toAppeal(row);
}

/** Every appeal of one attempt, newest first. */
export async function appealsOfAttempt(db: Kysely<Database>, attemptId: string): Promise<Appeal[]> {
	const rows = await db.selectFrom('appeal').selectAll().where('attempt_id', '=', attemptId).orderBy('created_at', 'desc').execute();
	return rows.map(toAppeal);
}

export interface OpenAppealLine extends Appeal {
	learnerName: string;
	/** The appellant's teams, for the access policy to pick whose appeals a decider sees. */
	learnerTeamIds: string[];
	scenarioTitle: string;
	scoreTotal: number | null;
}

/** Open appeals, oldest first (first come, first decided), with who appealed, their teams and what. */
export async function listOpenAppeals(db: Kysely<Database>): Promise<OpenAppealLine[]> {
	const rows = await db
		.selectFrom('appeal as ap')
		.innerJoin('user as u', 'u.id', 'ap.user_id')
		.innerJoin('attempt as at', 'at.id', 'ap.attempt_id')
		.innerJoin('scenario_version as sv', (join) => join.onRef('sv.content_id', '=', 'at.scenario_id').onRef('sv.version', '=', 'at.scenario_version'))
		.selectAll('ap')
		.select(['u.name as learner_name', 'sv.title as scenario_title', 'at.score_total'])
		.where('ap.status', '=', 'open')
		.orderBy('ap.created_at')
		.execute();
	const userIds = [...new Set(rows.map((r) => r.user_id))];
	const memberships = userIds.length ? await db.selectFrom('team_member').select(['user_id', 'team_id']).where('user_id', 'in', userIds).execute() : [];
	const teamsOf = (userId: string) => memberships.filter((m) => m.user_id === userId).map((m) => m.team_id);
	return rows.map((r) => ({
		...toAppeal(r),
		learnerName: r.learner_name,
		learnerTeamIds: teamsOf(r.user_id),
		scenarioTitle: r.scenario_title,
		scoreTotal: r.score_total === null ? null : Number(r.score_total)
	}));
}

/** Closes an open appeal; false when it was no longer open (someone decided it first). */
export async function closeAppeal(db: Kysely<Database>, id: string, decision: { status: Exclude<AppealStatus, 'open'>; decidedBy: string; reason: string }): Promise<boolean> {
	const result = await db
		.updateTable('appeal')
		.set({ status: decision.status, decided_by: decision.decidedBy, decided_at: nowIso(), decision_reason: decision.reason })
		.where('id', '=', id)
		.where('status', '=', 'open')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
