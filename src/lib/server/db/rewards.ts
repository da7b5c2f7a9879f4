import { sql, type Kysely } from 'kysely';
import type { StreakState } from '../../gamification/streaks';
import type { LearnerProgressRow } from './progression-schema';
import type { Database } from './schema';

export interface LearnerProgress {
	xp: number;
	attemptsRewarded: number;
	streak: StreakState;
}

export const NO_PROGRESS: LearnerProgress = {
	xp: 0,
	attemptsRewarded: 0,
	streak: { current: 0, longest: 0, lastDay: null, freezeWeek: null }
};

const toProgress = (row: LearnerProgressRow): LearnerProgress => ({
	xp: Number(row.xp),
	attemptsRewarded: Number(row.attempts_rewarded),
	streak: {
		current: Number(row.streak_current),
		longest: Number(row.streak_longest),
		lastDay: row.streak_last_day,
		freezeWeek: row.streak_freeze_week
	}
});

export async function readLearnerProgress(db: Kysely<Database>, userId: string): Promise<LearnerProgress> {
	const row = await db.selectFrom('learner_progress').selectAll().where('user_id', '=', userId).executeTakeFirst();
	return row ? toProgress(row) : NO_PROGRESS;
}

/**
 * Makes sure the learner's roll-up row exists and writes to it, in one statement, which holds its
 * row lock (on PostgreSQL) until the transaction ends: two attempts finishing at once update it
 * one after the other. Returns the roll-up as it stands under that lock.
 */
export async function lockLearnerProgress(trx: Kysely<Database>, userId: string, at: string): Promise<LearnerProgress> {
	const row = await trx
		.insertInto('learner_progress')
		.values({ user_id: userId, xp: 0, attempts_rewarded: 0, streak_current: 0, streak_longest: 0, updated_at: at })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ updated_at: at }))
		.returningAll()
		.executeTakeFirstOrThrow();
	return toProgress(row);
}

export async function saveLearnerProgress(trx: Kysely<Database>, userId: string, progress: LearnerProgress, at: string) {
	await trx
		.updateTable('learner_progress')
		.set({
			xp: progress.xp,
			attempts_rewarded: progress.attemptsRewarded,
			streak_current: progress.streak.current,
			streak_longest: progress.streak.longest,
			streak_last_day: progress.streak.lastDay,
			streak_freeze_week: progress.streak.freezeWeek,
			updated_at: at
		})
		.where('user_id', '=', userId)
		.execute();
}

/** Finished plays of one scenario before this attempt, and whether any passed: what XP's replay rule needs. */
export async function earlierPlays(trx: Kysely<Database>, userId: string, scenarioId: string, attemptId: string) {
	const row = await trx
		.selectFrom('attempt')
		.select((eb) => [
			eb.fn.countAll<string | number>().as('finished'),
			eb.fn.sum<string | number | null>(sql`case when status = 'passed' then 1 else 0 end`).as('passed')
		])
		.where('user_id', '=', userId)
		.where('scenario_id', '=', scenarioId)
		.where('is_playtest', '=', 0)
		.where('status', 'in', ['passed', 'failed'])
		.where('id', '!=', attemptId)
		.executeTakeFirstOrThrow();
	return { finished: Number(row.finished), passedBefore: Number(row.passed ?? 0) > 0 };
}

export interface NewAttemptReward {
	attemptId: string;
	userId: string;
	scenarioId: string;
	xp: number;
	breakdown: unknown;
	week: string;
	at: string;
}

/** False when this attempt was already rewarded: an attempt earns XP once, however often it is evaluated. */
export async function insertAttemptReward(trx: Kysely<Database>, reward: NewAttemptReward): Promise<boolean> {
	const result = await trx
		.insertInto('attempt_reward')
		.values({
			attempt_id: reward.attemptId,
			user_id: reward.userId,
			scenario_id: reward.scenarioId,
			xp: reward.xp,
			breakdown: JSON.stringify(reward.breakdown),
			effect: null,
			week: reward.week,
			awarded_at: reward.at
		})
		.onConflict((oc) => oc.column('attempt_id').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function addWeeklyXp(trx: Kysely<Database>, week: string, userId: string, xp: number) {
	await trx
		.insertInto('weekly_xp')
		.values({ week, user_id: userId, xp })
		.onConflict((oc) => oc.columns(['week', 'user_id']).doUpdateSet((eb) => ({ xp: eb('weekly_xp.xp', '+', eb.ref('excluded.xp')) })))
		.execute();
}

export async function findAttemptReward(db: Kysely<Database>, attemptId: string) {
	const row = await db.selectFrom('attempt_reward').selectAll().where('attempt_id', '=', attemptId).executeTakeFirst();
	return row && { xp: Number(row.xp), userId: row.user_id, effect: row.effect ? (JSON.parse(row.effect) as unknown) : null };
}

export async function setAttemptEffect(db: Kysely<Database>, attemptId: string, effect: unknown) {
	await db.updateTable('attempt_reward').set({ effect: JSON.stringify(effect) }).where('attempt_id', '=', attemptId).execute();
}

/** Everyone on the given teams with their XP in one week (0 when they have not practised). */
export async function weeklyXpOfTeams(db: Kysely<Database>, teamIds: readonly string[], week: string) {
	if (teamIds.length === 0) return [];
	const rows = await db
		.selectFrom('team_member')
		.innerJoin('user', 'user.id', 'team_member.user_id')
		.leftJoin('weekly_xp', (join) => join.onRef('weekly_xp.user_id', '=', 'user.id').on('weekly_xp.week', '=', week))
		.select(['user.id as userId', 'user.name as name', 'user.leaderboard_opt_out as optOut', 'weekly_xp.xp as xp'])
		.where('team_member.team_id', 'in', [...teamIds])
		.where('user.active', '=', 1)
		.distinct()
		.execute();
	return rows.map((r) => ({ userId: r.userId, name: r.name, xp: Number(r.xp ?? 0), optedOut: Number(r.optOut) === 1 }));
}
