import type { Kysely } from 'kysely';
import type { Walkthrough } from '../../dialogue/build-transcript';
import type { ScoreResult } from '../../scoring/score-types';
import { rollupDeltas, type AttemptFacts, type EndedStatus } from '../../studio/analytics-rollup';
import { addToRollups } from '../db/scenario-analytics';
import type { Database } from '../db/schema';

/** What analytics needs of an ended attempt, from its replayed walk and (when scored) its score. */
export function factsOfAttempt(
	attempt: { scenarioId: string; status: EndedStatus; finishedAt: string },
	walk: Walkthrough,
	score: ScoreResult | null
): AttemptFacts {
	return {
		scenarioId: attempt.scenarioId,
		day: attempt.finishedAt.slice(0, 10),
		status: attempt.status,
		total: score ? score.total : null,
		path: walk.transcript.flatMap((t) => (t.choice ? [{ nodeId: t.nodeId, optionId: t.choice.id }] : [])),
		endNodeId: walk.transcript[walk.transcript.length - 1].nodeId,
		criteria: (score?.criteria ?? []).filter((c) => c.applicable).map((c) => ({ id: c.id, score: c.score })),
		criticalFailures: (score?.criticalFailures ?? []).map((f) => ({ criterionId: f.criterionId, nodeId: f.nodeId }))
	};
}

/** Each learner's teams, for many learners in one query. */
export const teamIdsIn = async (db: Kysely<Database>, userIds: string[]) => {
	const rows = userIds.length
		? await db.selectFrom('team_member').select(['user_id', 'team_id']).where('user_id', 'in', userIds).execute()
		: [];
	const teams = new Map<string, string[]>();
	for (const r of rows) teams.set(r.user_id, [...(teams.get(r.user_id) ?? []), r.team_id]);
	return teams;
};

/** An attempt as it ends, as the step that ends it already knows it. */
export interface EndedAttempt {
	userId: string;
	scenarioId: string;
	status: EndedStatus;
	isPlaytest: boolean;
	/** The `finished_at` stored with the final event. */
	finishedAt: string;
}

/**
 * Adds an attempt that has just ended to the scenario analytics, inside the transaction that
 * stored its last event (so the roll-ups are never behind the attempts). Play-tests never count.
 * It counts for the teams its learner is on when it ends: pass them when the caller has them
 * (the signed-in learner's), else they are read now.
 */
export async function recordEndedAttemptAnalytics(
	trx: Kysely<Database>,
	attempt: EndedAttempt,
	outcome: { walk: Walkthrough; score: ScoreResult | null },
	teamIds?: readonly string[]
): Promise<void> {
	if (attempt.isPlaytest) return;
	const teams = teamIds ?? (await teamIdsIn(trx, [attempt.userId])).get(attempt.userId) ?? [];
	await addToRollups(trx, rollupDeltas(factsOfAttempt(attempt, outcome.walk, outcome.score), teams));
}
