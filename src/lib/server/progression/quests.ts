import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import { learnerAssignments } from '../assignments/learner-assignments';
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
 * The learner's open assignments as quests, due soonest first: a scenario links to the catalog
 * filtered to it, a track to the certifications on this page. Done ones stay until cancelled.
 */
export async function questsFor(db: Kysely<Database>, actor: Actor): Promise<Quest[]> {
	return (await learnerAssignments(db, actor)).map((a) => ({
		id: a.id,
		title: a.kind === 'track' ? `Earn ${a.title}` : a.title,
		href: a.kind === 'scenario' ? `/scenarios?q=${encodeURIComponent(a.title)}` : '/progress',
		dueAt: a.dueOn,
		done: a.state === 'done'
	}));
}
