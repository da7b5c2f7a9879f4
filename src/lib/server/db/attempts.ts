import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { ScoreResult } from '../../scoring/score-types';
import { enqueueLaunched, enqueueStep } from '../xapi/outbox';
import { isOutboxEnabled } from './xapi-outbox';
import type { AttemptEventType, AttemptRow, AttemptStatus, Database } from './schema';

export interface AttemptEvent {
	seq: number;
	type: AttemptEventType;
	optionId: string | null;
	at: string;
}

export interface Attempt {
	id: string;
	userId: string;
	scenarioId: string;
	scenarioVersion: number;
	rubricId: string;
	rubricVersion: number;
	status: AttemptStatus;
	seq: number;
	input: Record<string, unknown>;
	isPlaytest: boolean;
	scoreTotal: number | null;
	startedAt: string;
	finishedAt: string | null;
}

export const toAttempt = (row: AttemptRow): Attempt => ({
	id: row.id,
	userId: row.user_id,
	scenarioId: row.scenario_id,
	scenarioVersion: Number(row.scenario_version),
	rubricId: row.rubric_id,
	rubricVersion: Number(row.rubric_version),
	status: row.status,
	seq: Number(row.seq),
	input: JSON.parse(row.input),
	isPlaytest: Number(row.is_playtest) === 1,
	scoreTotal: row.score_total === null ? null : Number(row.score_total),
	startedAt: row.started_at,
	finishedAt: row.finished_at
});

export interface NewAttempt {
	userId: string;
	scenarioId: string;
	scenarioVersion: number;
	rubricId: string;
	rubricVersion: number;
	input?: Record<string, unknown>;
	isPlaytest?: boolean;
}

export async function insertAttempt(db: Kysely<Database>, input: NewAttempt): Promise<Attempt> {
	const at = nowIso();
	const row: AttemptRow = {
		id: newId(),
		user_id: input.userId,
		scenario_id: input.scenarioId,
		scenario_version: input.scenarioVersion,
		rubric_id: input.rubricId,
		rubric_version: input.rubricVersion,
		status: 'in_progress',
		seq: 0,
		input: JSON.stringify(input.input ?? {}),
		is_playtest: input.isPlaytest ? 1 : 0,
		score_total: null,
		score: null,
		started_at: at,
		updated_at: at,
		finished_at: null
	};
	// With LRS forwarding on, the attempt and its launched statement commit together.
	if (isOutboxEnabled() && !input.isPlaytest) {
		const write = async (trx: Kysely<Database>) => {
			await trx.insertInto('attempt').values(row).execute();
			await enqueueLaunched(trx, row.id);
		};
		await (db.isTransaction ? write(db) : db.transaction().execute(write));
	} else {
		await db.insertInto('attempt').values(row).execute();
	}
	return toAttempt(row);
}

export async function findAttempt(db: Kysely<Database>, id: string): Promise<Attempt | undefined> {
	const row = await db.selectFrom('attempt').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toAttempt(row);
}

export async function attemptEvents(db: Kysely<Database>, attemptId: string): Promise<AttemptEvent[]> {
	const rows = await db.selectFrom('attempt_event').selectAll().where('attempt_id', '=', attemptId).orderBy('seq').execute();
	return rows.map((r) => ({ seq: Number(r.seq), type: r.type, optionId: r.option_id, at: r.at }));
}

export interface AppendedEvent {
	type: AttemptEventType;
	optionId: string | null;
	/** The attempt's state after this event, derived by replay. */
	status: AttemptStatus;
	score?: { total: number; json: string };
}

/**
 * Appends event number `expectedSeq + 1` and moves the attempt on, in one transaction. The
 * update only matches while the attempt is still at `expectedSeq`, so of two racing writers
 * (a double click, two instances) exactly one succeeds; the other gets false. `onFinished` runs
 * in the same transaction when this event ends the attempt (the progression roll-ups).
 */
export async function appendEvent(
	db: Kysely<Database>,
	attemptId: string,
	expectedSeq: number,
	event: AppendedEvent,
	onFinished?: (trx: Kysely<Database>) => Promise<void>
) {
	return db.transaction().execute(async (trx) => {
		const at = nowIso();
		const finished = event.status !== 'in_progress';
		const moved = await trx
			.updateTable('attempt')
			.set({
				seq: expectedSeq + 1,
				status: event.status,
				updated_at: at,
				finished_at: finished ? at : null,
				score_total: event.score?.total ?? null,
				score: event.score?.json ?? null
			})
			.where('id', '=', attemptId)
			.where('seq', '=', expectedSeq)
			.where('status', '=', 'in_progress')
			.returning('is_playtest')
			.executeTakeFirst();
		if (!moved) return false;
		await trx
			.insertInto('attempt_event')
			.values({ attempt_id: attemptId, seq: expectedSeq + 1, type: event.type, option_id: event.optionId, at })
			.execute();
		// The step's xAPI statements commit with the step: a crash cannot lose one. Play-tests send none.
		if (Number(moved.is_playtest) === 0) await enqueueStep(trx, attemptId, { seq: expectedSeq + 1, type: event.type, status: event.status });
		if (finished && onFinished) await onFinished(trx);
		return true;
	});
}

/** An attempt with the score stored when it ended: listings read it instead of replaying every attempt. */
export interface ScoredAttempt extends Attempt {
	score: ScoreResult | null;
}

export async function listScoredAttemptsOf(db: Kysely<Database>, userId: string, limit = 500): Promise<ScoredAttempt[]> {
	const rows = await db
		.selectFrom('attempt')
		.selectAll()
		.where('user_id', '=', userId)
		.where('is_playtest', '=', 0)
		.orderBy('started_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map((row) => ({ ...toAttempt(row), score: row.score ? (JSON.parse(row.score) as ScoreResult) : null }));
}
