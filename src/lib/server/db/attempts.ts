import type { Kysely } from 'kysely';
import { newId, nowIso } from '../clock';
import type { ScoreResult } from '../../scoring/score-types';
import { enqueueLaunched, enqueueStep } from '../xapi/outbox';
import { isOutboxEnabled } from './xapi-outbox';
import { preparedQuery } from './prepared-query';
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

// Every start runs it: compiled once (see prepared-query.ts), so each column is named here.
const insertAttemptRow = preparedQuery((db, r: AttemptRow) =>
	db.insertInto('attempt').values({
		id: r.id,
		user_id: r.user_id,
		scenario_id: r.scenario_id,
		scenario_version: r.scenario_version,
		rubric_id: r.rubric_id,
		rubric_version: r.rubric_version,
		status: r.status,
		seq: r.seq,
		input: r.input,
		is_playtest: r.is_playtest,
		score_total: r.score_total,
		score: r.score,
		started_at: r.started_at,
		updated_at: r.updated_at,
		finished_at: r.finished_at
	})
);

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
			await insertAttemptRow(trx, row);
			await enqueueLaunched(trx, row.id);
		};
		await (db.isTransaction ? write(db) : db.transaction().execute(write));
	} else {
		await insertAttemptRow(db, row);
	}
	return toAttempt(row);
}

const attemptById = preparedQuery((db, id: string) => db.selectFrom('attempt').selectAll().where('id', '=', id));

export async function findAttempt(db: Kysely<Database>, id: string): Promise<Attempt | undefined> {
	const [row] = await attemptById(db, id);
	return row && toAttempt(row);
}

export async function attemptEvents(db: Kysely<Database>, attemptId: string): Promise<AttemptEvent[]> {
	const rows = await db.selectFrom('attempt_event').selectAll().where('attempt_id', '=', attemptId).orderBy('seq').execute();
	return rows.map((r) => ({ seq: Number(r.seq), type: r.type, optionId: r.option_id, at: r.at }));
}

type Move = { attemptId: string; expectedSeq: number; seq: number; status: AttemptStatus; at: string; finishedAt: string | null; scoreTotal: number | null; score: string | null };

// Every step runs these: compiled once (see prepared-query.ts). A step that does not end the
// attempt sets only the columns it changes, so SQLite leaves the indexes on status and score alone.
const stepAttempt = preparedQuery((db, m: Move) =>
	db
		.updateTable('attempt')
		.set({ seq: m.seq, updated_at: m.at })
		.where('id', '=', m.attemptId)
		.where('seq', '=', m.expectedSeq)
		.where('status', '=', 'in_progress')
		.returning('is_playtest')
);
const endAttempt = preparedQuery((db, m: Move) =>
	db
		.updateTable('attempt')
		.set({ seq: m.seq, status: m.status, updated_at: m.at, finished_at: m.finishedAt, score_total: m.scoreTotal, score: m.score })
		.where('id', '=', m.attemptId)
		.where('seq', '=', m.expectedSeq)
		.where('status', '=', 'in_progress')
		.returning('is_playtest')
);
const insertEvent = preparedQuery((db, attemptId: string, seq: number, type: AttemptEventType, optionId: string | null, at: string) =>
	db.insertInto('attempt_event').values({ attempt_id: attemptId, seq, type, option_id: optionId, at })
);

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
	/** Gets the transaction and the `finished_at` being stored. */
	onFinished?: (trx: Kysely<Database>, finishedAt: string) => Promise<void>
) {
	return db.transaction().execute(async (trx) => {
		const at = nowIso();
		const finished = event.status !== 'in_progress';
		const [moved] = await (finished ? endAttempt : stepAttempt)(trx, {
			attemptId,
			expectedSeq,
			seq: expectedSeq + 1,
			status: event.status,
			at,
			finishedAt: finished ? at : null,
			scoreTotal: event.score?.total ?? null,
			score: event.score?.json ?? null
		});
		if (!moved) return false;
		await insertEvent(trx, attemptId, expectedSeq + 1, event.type, event.optionId, at);
		// The step's xAPI statements commit with the step: a crash cannot lose one. Play-tests send none.
		if (Number(moved.is_playtest) === 0) await enqueueStep(trx, attemptId, { seq: expectedSeq + 1, type: event.type, status: event.status });
		if (finished && onFinished) await onFinished(trx, at);
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
