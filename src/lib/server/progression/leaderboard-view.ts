import type { Kysely } from 'kysely';
import { addDaysTo, weekOf } from '../../gamification/days';
import { rankBoard, type Board } from '../../gamification/leaderboard';
import type { Actor } from '../access';
import { nowIso } from '../clock';
import type { Database } from '../db/schema';
import { weeklyXpOfTeams } from '../db/rewards';
import { teamNames } from '../db/teams';
import { findUserById, setLeaderboardOptOut } from '../db/users';

export interface LeaderboardView {
	board: Board;
	teamNames: string[];
	/** The Monday the board started, and the Monday it resets. */
	weekStart: string;
	resetsOn: string;
	optedOut: boolean;
}

/** This week's XP board for the teams the learner is on: the top, and their own neighbourhood. */
export async function leaderboardView(db: Kysely<Database>, actor: Actor): Promise<LeaderboardView> {
	const week = weekOf(nowIso());
	const [entries, teams, user] = await Promise.all([
		weeklyXpOfTeams(db, actor.teamIds, week),
		teamNames(db, actor.teamIds),
		findUserById(db, actor.id)
	]);
	return {
		board: rankBoard(entries, actor.id),
		teamNames: teams,
		weekStart: week,
		resetsOn: addDaysTo(week, 7),
		optedOut: user?.leaderboardOptOut ?? false
	};
}

/** Whether the learner appears on leaderboards; they always see the board and their own XP. */
export const chooseLeaderboardVisibility = (db: Kysely<Database>, actor: Actor, optOut: boolean) => setLeaderboardOptOut(db, actor.id, optOut);
