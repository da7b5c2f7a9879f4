import type { Kysely } from 'kysely';
import { criterionScoreEntries, type CriterionScoreEntry } from '../../coaching/criterion-scores';
import type { ScoreResult } from '../../scoring/score-types';
import type { Database } from './schema';

/** Rows per insert: 9 columns each stays well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;
/** Ids per `in (...)` read. */
const READ_CHUNK = 500;
/** Attempts per back-fill page: memory stays flat whatever the number of attempts. */
const BACKFILL_PAGE = 500;

type ScoredRow = { id: string; user_id: string; scenario_id: string; score: string | null; finished_at: string | null; updated_at: string };
type Owner = { id: string; userId: string; scenarioId: string; finishedAt: string };

const rowsOfEntries = (a: Owner, entries: readonly CriterionScoreEntry[]) =>
	entries.map((e, position) => ({
		attempt_id: a.id,
		user_id: a.userId,
		scenario_id: a.scenarioId,
		criterion_id: e.criterionId,
		position,
		label: e.label,
		score: e.score,
		critical_failures: e.criticalFailures,
		finished_at: a.finishedAt
	}));

const rowsOf = (a: ScoredRow) =>
	a.score
		? rowsOfEntries(
				{ id: a.id, userId: a.user_id, scenarioId: a.scenario_id, finishedAt: a.finished_at ?? a.updated_at },
				criterionScoreEntries(JSON.parse(a.score) as ScoreResult)
			)
		: [];

async function insertRows(db: Kysely<Database>, rows: ReturnType<typeof rowsOf>, keepExisting = false) {
	for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
		const insert = db.insertInto('attempt_criterion_score').values(rows.slice(i, i + INSERT_CHUNK));
		await (keepExisting ? insert.onConflict((oc) => oc.columns(['attempt_id', 'criterion_id']).doNothing()) : insert).execute();
	}
}

/**
 * Rewrites one attempt's criterion rows from its stored score: when an override changes the
 * score. Pass the transaction that stored the score, so both commit together. The app calls it
 * through `rewriteOverriddenCriteria` (criterion-windows.ts), which also rebuilds the window.
 */
export async function writeAttemptCriteria(db: Kysely<Database>, attemptId: string): Promise<void> {
	const attempt = await db
		.selectFrom('attempt')
		.select(['id', 'user_id', 'scenario_id', 'score', 'finished_at', 'updated_at'])
		.where('id', '=', attemptId)
		.executeTakeFirst();
	await db.deleteFrom('attempt_criterion_score').where('attempt_id', '=', attemptId).execute();
	if (attempt) await insertRows(db, rowsOf(attempt));
}

/**
 * The criterion rows of an attempt finishing in this transaction, from the score the step just
 * computed: nothing is read back or parsed. The attempt has no rows yet (it was in progress until
 * this transaction), so they are only inserted. Returns the entries written, for the heatmap
 * window: the app calls it through `recordFinishedCriteria` (criterion-windows.ts).
 */
export async function writeFinishedAttemptCriteria(
	trx: Kysely<Database>,
	attempt: Owner,
	score: ScoreResult
): Promise<CriterionScoreEntry[]> {
	const entries = criterionScoreEntries(score);
	await insertRows(trx, rowsOfEntries(attempt, entries));
	return entries;
}

type EntryRow = { criterion_id: string; label: string; score: number | null; critical_failures: number };
const entryOf = (r: EntryRow): CriterionScoreEntry => ({
	criterionId: r.criterion_id,
	label: r.label,
	score: r.score === null ? null : Number(r.score),
	criticalFailures: Number(r.critical_failures)
});

const groupByAttempt = (rows: (EntryRow & { attempt_id: string })[], into = new Map<string, CriterionScoreEntry[]>()) => {
	for (const r of rows) {
		const list = into.get(r.attempt_id);
		if (list) list.push(entryOf(r));
		else into.set(r.attempt_id, [entryOf(r)]);
	}
	return into;
};

/** The criterion entries of these attempts in the rubric's order, by attempt id (attempts without a score are absent). */
export async function criteriaOfAttempts(db: Kysely<Database>, attemptIds: readonly string[]): Promise<Map<string, CriterionScoreEntry[]>> {
	const byAttempt = new Map<string, CriterionScoreEntry[]>();
	for (let i = 0; i < attemptIds.length; i += READ_CHUNK) {
		const rows = await db
			.selectFrom('attempt_criterion_score')
			.select(['attempt_id', 'criterion_id', 'label', 'score', 'critical_failures'])
			.where('attempt_id', 'in', attemptIds.slice(i, i + READ_CHUNK))
			.orderBy('attempt_id')
			.orderBy('position')
			.execute();
		groupByAttempt(rows, byAttempt);
	}
	return byAttempt;
}

/**
 * The criterion scores and failures of one person's scored attempts, by attempt id: one index
 * range. Labels and order are left out: the evaluator looks criteria up by id, and reading
 * thousands of rows is bound by building them. Given `only`, just those criteria come back, and
 * any other criterion only where it carries a critical failure (the failure count stays whole).
 */
export async function criteriaOfPerson(
	db: Kysely<Database>,
	userId: string,
	only?: readonly string[]
): Promise<Map<string, Omit<CriterionScoreEntry, 'label'>[]>> {
	let query = db.selectFrom('attempt_criterion_score').select(['attempt_id', 'criterion_id', 'score', 'critical_failures']).where('user_id', '=', userId);
	if (only) {
		const ids = [...only];
		query = query.where((eb) => (ids.length ? eb.or([eb('criterion_id', 'in', ids), eb('critical_failures', '>', 0)]) : eb('critical_failures', '>', 0)));
	}
	const rows = await query.execute();
	const byAttempt = new Map<string, Omit<CriterionScoreEntry, 'label'>[]>();
	for (const r of rows) {
		const entry = { criterionId: r.criterion_id, score: r.score === null ? null : Number(r.score), criticalFailures: Number(r.critical_failures) };
		const list = byAttempt.get(r.attempt_id);
		if (list) list.push(entry);
		else byAttempt.set(r.attempt_id, [entry]);
	}
	return byAttempt;
}

/**
 * Start-up: fills the roll-up once when it is empty but scored attempts exist (data from before
 * it). Pages through the attempts by id, so only one page of scores is ever held in memory.
 */
export async function backfillAttemptCriteriaIfEmpty(db: Kysely<Database>): Promise<number> {
	if (await db.selectFrom('attempt_criterion_score').select('attempt_id').limit(1).executeTakeFirst()) return 0;
	let written = 0;
	for (let after = ''; ; ) {
		const page = await db
			.selectFrom('attempt')
			.select(['id', 'user_id', 'scenario_id', 'score', 'finished_at', 'updated_at'])
			.where('score', 'is not', null)
			.where('id', '>', after)
			.orderBy('id')
			.limit(BACKFILL_PAGE)
			.execute();
		if (page.length === 0) return written;
		after = page[page.length - 1].id;
		// An attempt finishing meanwhile (or a second instance starting) has written its own rows: keep them.
		await db.transaction().execute((trx) => insertRows(trx, page.flatMap(rowsOf), true));
		written += page.length;
	}
}
