import type { Kysely } from 'kysely';
import { dayOf, weekOf } from '../../gamification/days';
import { recordPracticeDay } from '../../gamification/streaks';
import { xpForAttempt } from '../../gamification/xp';
import { factsOfScenario } from '../db/attempt-records';
import type { AttemptStatus, Database } from '../db/schema';
import { addWeeklyXp, earlierPlays, insertAttemptReward, lockLearnerProgress, saveLearnerProgress } from '../db/rewards';

/** An attempt as the step that finished it knows it, so the reward need not read it back. */
export interface FinishedAttempt {
	id: string;
	userId: string;
	scenarioId: string;
	scenarioVersion: number;
	status: AttemptStatus;
	scoreTotal: number | null;
	isPlaytest: boolean;
	/** The `finished_at` stored with the final event. */
	finishedAt: string;
}

async function readFinishedAttempt(trx: Kysely<Database>, attemptId: string): Promise<FinishedAttempt | undefined> {
	const row = await trx
		.selectFrom('attempt')
		.select(['user_id', 'scenario_id', 'scenario_version', 'status', 'score_total', 'is_playtest', 'finished_at'])
		.where('id', '=', attemptId)
		.executeTakeFirst();
	if (!row?.finished_at) return undefined;
	return {
		id: attemptId,
		userId: row.user_id,
		scenarioId: row.scenario_id,
		scenarioVersion: Number(row.scenario_version),
		status: row.status,
		scoreTotal: row.score_total === null ? null : Number(row.score_total),
		isPlaytest: Number(row.is_playtest) === 1,
		finishedAt: row.finished_at
	};
}

/**
 * XP, streak and weekly XP for a finished attempt. Runs inside the transaction that stores the
 * attempt's final event, so the roll-ups are never behind the attempts, and an attempt is
 * rewarded once: its reward row's primary key refuses a second award. Reads the attempt by id;
 * `rewardFinishedAttempt` takes it from the caller instead.
 */
export async function recordAttemptReward(trx: Kysely<Database>, attemptId: string): Promise<void> {
	const attempt = await readFinishedAttempt(trx, attemptId);
	if (attempt) await rewardFinishedAttempt(trx, attempt);
}

/** `recordAttemptReward` for an attempt the caller has in hand, as stored by the finishing step. */
export async function rewardFinishedAttempt(trx: Kysely<Database>, attempt: FinishedAttempt): Promise<void> {
	if (attempt.isPlaytest) return;
	if (attempt.status !== 'passed' && attempt.status !== 'failed') return;
	const at = attempt.finishedAt;
	// Taken first: it serialises two attempts of the same learner finishing at the same moment,
	// and the roll-up it returns stays this transaction's until it commits.
	const progress = await lockLearnerProgress(trx, attempt.userId, at);
	const scenario = await factsOfScenario(trx, attempt.scenarioId, attempt.scenarioVersion);
	const earlier = await earlierPlays(trx, attempt.userId, attempt.scenarioId, attempt.id);
	const award = xpForAttempt({
		difficulty: scenario?.difficulty ?? 1,
		score: attempt.scoreTotal ?? 0,
		passed: attempt.status === 'passed',
		priorFinished: earlier.finished,
		passedBefore: earlier.passedBefore
	});
	const week = weekOf(at);
	const fresh = await insertAttemptReward(trx, {
		attemptId: attempt.id,
		userId: attempt.userId,
		scenarioId: attempt.scenarioId,
		xp: award.total,
		breakdown: award,
		week,
		at
	});
	if (!fresh) return;
	await saveLearnerProgress(
		trx,
		attempt.userId,
		{ xp: progress.xp + award.total, attemptsRewarded: progress.attemptsRewarded + 1, streak: recordPracticeDay(progress.streak, dayOf(at)) },
		at
	);
	if (award.total > 0) await addWeeklyXp(trx, week, attempt.userId, award.total);
}
