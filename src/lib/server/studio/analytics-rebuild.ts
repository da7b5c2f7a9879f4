import type { Kysely } from 'kysely';
import { rollupAccumulator, rollupDeltas, type RollupDeltas } from '../../studio/analytics-rollup';
import { toAttempt } from '../db/attempts';
import { clearRollups, insertRollups, rollupsAreEmpty } from '../db/scenario-analytics';
import type { Database } from '../db/schema';
import { stateOf } from '../play/attempt-service';
import { loadRuntime } from '../play/scenario-runtime';
import { factsOfAttempt, teamIdsIn } from './analytics-record';

const PAGE = 500;

const endedAttempts = (db: Kysely<Database>) =>
	db.selectFrom('attempt').where('is_playtest', '=', 0).where('status', '!=', 'in_progress');

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

/**
 * Recomputes every roll-up from the attempts by replay, in one transaction: for attempts made
 * before analytics existed, and as the oracle the incremental roll-up must equal. Team
 * memberships are today's (who was on which team when is not kept). A plain insert, so of two
 * concurrent rebuilds one fails instead of both adding up.
 */
export async function rebuildScenarioAnalytics(db: Kysely<Database>): Promise<RollupDeltas> {
	return db.transaction().execute(async (trx) => {
		const sums = rollupAccumulator();
		for (let after = ''; ; ) {
			const page = await endedAttempts(trx).select('id').where('id', '>', after).orderBy('id').limit(PAGE).execute();
			if (page.length === 0) break;
			after = page[page.length - 1].id;
			for (const deltas of await replayPage(trx, page.map((p) => p.id))) sums.add(deltas);
		}
		const summed = sums.result();
		await clearRollups(trx);
		await insertRollups(trx, summed);
		return summed;
	});
}

/** Start-up: fills the roll-ups once when attempts exist but the roll-ups are empty (data from before analytics). */
export async function backfillScenarioAnalyticsIfEmpty(db: Kysely<Database>): Promise<boolean> {
	if (!(await rollupsAreEmpty(db))) return false;
	if (!(await endedAttempts(db).select('id').limit(1).executeTakeFirst())) return false;
	await rebuildScenarioAnalytics(db);
	return true;
}
