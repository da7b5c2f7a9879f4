import type { Kysely } from 'kysely';
import { dayOf } from '../../assignments/assignee-status';
import { canAssignTo, type Actor } from '../access';
import { nowIso } from '../clock';
import { latestTitles } from '../db/content-versions';
import type { Database } from '../db/schema';
import { listTeams } from '../db/teams';

export interface Choice {
	value: string;
	label: string;
}

export interface AssignmentChoices {
	scenarios: Choice[];
	tracks: Choice[];
	/** Only the teams this person may assign to: all for trainers and admins, their own for a lead. */
	teams: Choice[];
	today: string;
}

const sortedChoices = (titles: Map<string, string>, kind: string): Choice[] =>
	[...titles].map(([id, title]) => ({ value: `${kind}:${id}`, label: title })).sort((a, b) => a.label.localeCompare(b.label));

export async function assignmentChoices(db: Kysely<Database>, actor: Actor): Promise<AssignmentChoices> {
	const [scenarios, tracks, teams] = await Promise.all([latestTitles(db, 'scenario'), latestTitles(db, 'track'), listTeams(db)]);
	return {
		scenarios: sortedChoices(scenarios, 'scenario'),
		tracks: sortedChoices(tracks, 'track'),
		teams: teams.filter((t) => canAssignTo(actor, { teamId: t.id })).map((t) => ({ value: t.id, label: t.name })),
		today: dayOf(nowIso())
	};
}
