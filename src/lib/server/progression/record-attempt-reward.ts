import type { Kysely } from 'kysely';
import { dayOf, weekOf } from '../../gamification/days';
import { recordPracticeDay } from '../../gamification/streaks';
import { xpForAttempt } from '../../gamification/xp';
import { factsOfScenario } from '../db/attempt-records';
import type { Database } from '../db/schema';
import { addWeeklyXp, earlierPlays, insertAttemptReward, lockLearnerProgress, readLearnerProgress, saveLearnerProgress } from '../db/rewards';

/**
 * XP, streak and weekly XP for a finished attempt. Runs inside the transaction that stores the
 * attempt's final event, so the roll-ups are never behind the attempts, and an attempt is
 * rewarded once: its reward row's primary key refuses a second award.
 */
export async function recordAttemptReward(trx: Kysely<Database>, attemptId: string): Promise<void> {
	const attempt = await trx
		.selectFrom('attempt')
		.select(['user_id', 'scenario_id', 'scenario_version', 'status', 'score_total', 'is_playtest', 'finished_at'])
		.where('id', '=', attemptId)
		.executeTakeFirst();
	if (!attempt?.finished_at || Number(attempt.is_playtest) === 1) return;
	if (attempt.status !== 'passed' && attempt.status !== 'failed') return;
	const at = attempt.finished_at;
	// Taken first: it serialises two attempts of the same learner finishing at the same moment.
	await lockLearnerProgress(trx, attempt.user_id, at);
	const scenario = await factsOfScenario(trx, attempt.scenario_id, Number(attempt.scenario_version));
	const earlier = await earlierPlays(trx, attempt.user_id, attempt.scenario_id, attemptId);
	const award = xpForAttempt({
		difficulty: scenario?.difficulty ?? 1,
		score: Number(attempt.score_total ?? 0),
		passed: attempt.status === 'passed',
		priorFinished: earlier.finished,
		passedBefore: earlier.passedBefore
	});
	const week = weekOf(at);
	const fresh = await insertAttemptReward(trx, {
		attemptId,
		userId: attempt.user_id,
		scenarioId: attempt.scenario_id,
		xp: award.total,
		breakdown: award,
		week,
		at
	});
	if (!fresh) return;
	const progress = await readLearnerProgress(trx, attempt.user_id);
	await saveLearnerProgress(
		trx,
		attempt.user_id,
		{ xp: progress.xp + award.total, attemptsRewarded: progress.attemptsRewarded + 1, streak: recordPracticeDay(progress.streak, dayOf(at)) },
		at
	);
	if (award.total > 0) await addWeeklyXp(trx, week, attempt.user_id, award.total);
}
