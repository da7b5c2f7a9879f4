import type { Kysely } from 'kysely';
import { nowIso } from '../clock';
import { rollupDeltas, sumDeltas, type RollupDeltas } from '../../studio/analytics-rollup';
import { toAttempt } from '../db/attempts';
import { addToRollups, clearRollups, rollupsAreEmpty } from '../db/scenario-analytics';
import type { Database } from '../db/schema';
import { stateOf } from '../play/attempt-service';
import { loadRuntime } from '../play/scenario-runtime';
import { factsOfAttempt, teamIdsIn } from './analytics-record';

/** Attempts replayed per page: memory stays flat whatever the number of attempts. */
const PAGE = 500;
const MARKER = 'scenario-analytics';

const endedAttempts = (db: Kysely<Database>) =>
	db.selectFrom('attempt').where('is_playtest', '=', 0).where('status', '!=', 'in_progress');

const nextPage = async (db: Kysely<Database>, after: string, size: number) =>
	(await endedAttempts(db).select('id').where('id', '>', after).orderBy('id').limit(size).execute()).map((r) => r.id);

/** One page of ended attempts replayed into their roll-up rows: three queries, whatever the page size. */
async function replayPage(db: Kysely<Database>, ids: string[]): Promise<RollupDeltas[]> {
	const rows = await db.selectFrom('attempt').selectAll().where('id', 'in', ids).execute();
	const events = await db.selectFrom('attempt_event').selectAll().where('attempt_id', 'in', ids).orderBy('attempt_id').orderBy('seq').execute();
	const eventsOf = new Map<string, { seq: number; type: 'choose' | 'abandon'; optionId: string | null; at: string }[]>();
	for (const e of events) eventsOf.set(e.attempt_id, [...(eventsOf.get(e.attempt_id) ?? []), { seq: Number(e.seq), type: e.type, optionId: e.option_id, at: e.at }]);
	const teams = await teamIdsIn(db, [...new Set(rows.map((r) => r.user_id))]);
	const out: RollupDeltas[] = [];
	for (const row of rows) {
		const attempt = toAttempt(row);
		const runtime = await loadRuntime(db, attempt);
		if (!runtime || attempt.status === 'in_progress' || !attempt.finishedAt) continue;
		const state = stateOf(attempt, runtime, eventsOf.get(attempt.id) ?? []);
		const facts = factsOfAttempt({ scenarioId: attempt.scenarioId, status: attempt.status, finishedAt: attempt.finishedAt }, state.walk, state.score);
		out.push(rollupDeltas(facts, teams.get(attempt.userId) ?? []));
	}
	return out;
}

/** Adds one page's attempts to the roll-ups, summed per key first (a few hundred rows, not one set per attempt). */
const addPage = async (db: Kysely<Database>, ids: string[]) => addToRollups(db, sumDeltas(await replayPage(db, ids)));

/**
 * Recomputes every roll-up from the attempts by replay, in one transaction, a page at a time: for
 * checking that the incremental roll-up equals it. Team memberships are today's (who was on which
 * team when is not kept). It holds the back-fill row's lock, so two rebuilds (or a rebuild and a
 * back-fill) take turns instead of adding up.
 */
export async function rebuildScenarioAnalytics(db: Kysely<Database>, pageSize = PAGE): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('analytics_backfill')
			.values({ id: MARKER, after_id: '', done: 1, updated_at: nowIso() })
			.onConflict((oc) => oc.column('id').doUpdateSet({ done: 1, updated_at: nowIso() }))
			.execute();
		await clearRollups(trx);
		for (let after = ''; ; ) {
			const ids = await nextPage(trx, after, pageSize);
			if (ids.length === 0) break;
			after = ids[ids.length - 1];
			await addPage(trx, ids);
		}
	});
}

const readMarker = (db: Kysely<Database>) =>
	db.selectFrom('analytics_backfill').select(['after_id', 'done']).where('id', '=', MARKER).executeTakeFirst();

/**
 * One page of the back-fill, in its own transaction, only while the marker still stands at
 * `after`: the update takes the marker row's lock first, so of two instances on the same page the
 * second waits, finds it moved on and does nothing. The sums and the new position commit together.
 */
async function backfillPage(db: Kysely<Database>, after: string, pageSize: number): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const held = await trx
			.updateTable('analytics_backfill')
			.set({ updated_at: nowIso() })
			.where('id', '=', MARKER)
			.where('after_id', '=', after)
			.where('done', '=', 0)
			.executeTakeFirst();
		if (Number(held.numUpdatedRows) === 0) return false;
		const ids = await nextPage(trx, after, pageSize);
		if (ids.length > 0) await addPage(trx, ids);
		await trx
			.updateTable('analytics_backfill')
			.set(ids.length > 0 ? { after_id: ids[ids.length - 1] } : { done: 1 })
			.where('id', '=', MARKER)
			.execute();
		return true;
	});
}

/**
 * Start-up: counts the attempts that ended before analytics existed, once. The first instance to
 * find no back-fill row claims it; every instance starting while it is unfinished (a second one,
 * or a restart after a crash) takes the remaining pages in turn, so none is added twice. No
 * instance serves before it is done, so no attempt ends during it. True when this one added pages.
 */
export async function backfillScenarioAnalyticsIfEmpty(db: Kysely<Database>, pageSize = PAGE): Promise<boolean> {
	let marker = await readMarker(db);
	if (!marker) {
		// Roll-ups with rows already count the history (written with it, or filled before this row existed).
		const nothingToFill = !(await rollupsAreEmpty(db)) || !(await endedAttempts(db).select('id').limit(1).executeTakeFirst());
		await db
			.insertInto('analytics_backfill')
			.values({ id: MARKER, after_id: '', done: nothingToFill ? 1 : 0, updated_at: nowIso() })
			.onConflict((oc) => oc.column('id').doNothing())
			.execute();
		marker = await readMarker(db);
	}
	let added = false;
	while (marker && Number(marker.done) === 0) {
		if (await backfillPage(db, marker.after_id, pageSize)) added = true;
		marker = await readMarker(db);
	}
	return added;
}
