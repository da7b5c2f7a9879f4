import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import type { Database } from '../db/schema';

/** A trainer's assignment, shown to the learner as a quest with a due date. */
export interface Quest {
	id: string;
	title: string;
	/** Where the learner goes to do it, e.g. the scenario to play. */
	href: string;
	dueAt: string | null;
	done: boolean;
}

/**
 * The hook for trainer assignments: the assignments issue fills this from its repository (and may
 * add quest-completion XP in recordAttemptReward). Until then there are none, and the progress
 * page says so instead of showing made-up quests.
 */
export async function questsFor(_db: Kysely<Database>, _actor: Actor): Promise<Quest[]> {
	return [];
}
