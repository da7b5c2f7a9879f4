import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password';
import type { Database } from '../db/schema';
import { addTeamMember, createTeam } from '../db/teams';
import { countUsers, createUser } from '../db/users';
import { log } from '../log';
import type { Actor } from '../access';
import { seedDemoHistory } from './seed-history';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS } from './demo-people';

/**
 * Seeds the demo organisation, but only into an empty database, so a second start changes nothing.
 * People and teams go in one transaction; their practice history is then played through the same
 * service a browser uses, so it obeys every rule a real attempt does.
 */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<boolean> {
	if ((await countUsers(db)) > 0) return false;
	// One hash for every demo account: they share a published password anyway, and start-up stays fast.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const actors = await db.transaction().execute(async (trx) => {
		const teams = new Map<string, string>();
		const made = new Map<string, Actor>();
		for (const name of DEMO_TEAMS) teams.set(name, (await createTeam(trx, name)).id);
		for (const person of DEMO_PEOPLE) {
			const user = await createUser(trx, { ...person, passwordHash });
			if (person.team) await addTeamMember(trx, teams.get(person.team)!, user.id);
			made.set(user.email, { ...user, teamIds: person.team ? [teams.get(person.team)!] : [] });
		}
		return made;
	});
	await seedDemoHistory(db, actors);
	log.info('demo organisation seeded', { people: DEMO_PEOPLE.length, teams: DEMO_TEAMS.length });
	return true;
}
