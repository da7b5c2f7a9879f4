import type { Kysely } from 'kysely';
import type { Database } from '../src/lib/server/db/schema';
import { addTeamMembers, createTeam } from '../src/lib/server/db/teams';
import { createAccessToken } from '../src/lib/server/db/tokens';
import { createUsers } from '../src/lib/server/db/users';

/** N learners on one team, each with a personal access token, made through the app's own repositories. */
export async function createLearnersWithTokens(db: Kysely<Database>, count: number, label: string): Promise<string[]> {
	const team = await createTeam(db, `Bench ${label} ${Date.now().toString(36)}`);
	const users = await createUsers(
		db,
		Array.from({ length: count }, (_, i) => ({ email: `bench.${label}.${Date.now().toString(36)}.${i}@bench.test`, name: `Bench Learner ${i + 1}`, role: 'learner' as const }))
	);
	await addTeamMembers(db, users.map((u) => ({ teamId: team.id, userId: u.id })));
	const tokens: string[] = [];
	for (const user of users) tokens.push((await createAccessToken(db, user.id, 'bench')).secret);
	return tokens;
}
