import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { preparedQuery } from '../../src/lib/server/db/prepared-query';
import { createTeam, addTeamMembers } from '../../src/lib/server/db/teams';
import { createUser } from '../../src/lib/server/db/users';
import type { Database, Role } from '../../src/lib/server/db/schema';
import { migratedDatabase } from './support/migrated-database';
import { dialectLabel, dialects } from './support/test-database';

/** A query compiled once must answer exactly as the same query built afresh, for any arguments, in or out of a transaction. */
describe.each(dialects)('prepared queries %s', (dialect) => {
	const label = dialectLabel(dialect);
	const app = migratedDatabase(dialect);

	const membersQuery = (db: Kysely<Database>, teamId: string, role: Role) =>
		db
			.selectFrom('team_member as m')
			.innerJoin('user as u', 'u.id', 'm.user_id')
			.select(['u.email', 'u.role'])
			.where('m.team_id', '=', teamId)
			.where('u.role', '=', role)
			.where('u.active', '=', 1)
			.orderBy('u.email');
	const membersOf = preparedQuery(membersQuery);
	const builtAfresh = (teamId: string, role: Role) => membersQuery(app.db, teamId, role).execute();

	it(`${label} gives each call its own arguments, scalar or record fields, and keeps fixed values`, async () => {
		const teams = [await createTeam(app.db, 'North'), await createTeam(app.db, 'South')];
		const people = [];
		for (const [i, role] of (['learner', 'team_lead', 'learner', 'trainer'] as const).entries()) {
			people.push(await createUser(app.db, { email: `p${i}.${dialect}@example.test`, name: `P${i}`, role }));
		}
		await addTeamMembers(app.db, [
			{ teamId: teams[0].id, userId: people[0].id },
			{ teamId: teams[0].id, userId: people[1].id },
			{ teamId: teams[1].id, userId: people[2].id },
			{ teamId: teams[1].id, userId: people[3].id }
		]);
		for (const team of teams) {
			for (const role of ['learner', 'team_lead', 'trainer'] as const) {
				expect(await membersOf(app.db, team.id, role)).toEqual(await builtAfresh(team.id, role));
			}
		}
		expect((await membersOf(app.db, teams[1].id, 'learner')).map((r) => r.email)).toEqual([`p2.${dialect}@example.test`]);

		const rename = preparedQuery((db, change: { id: string; name: string }) => db.updateTable('team').set({ name: change.name }).where('id', '=', change.id).returning('name'));
		await app.db.transaction().execute(async (trx) => {
			expect(await rename(trx, { id: teams[0].id, name: 'North East' })).toEqual([{ name: 'North East' }]);
		});
		expect(await rename(app.db, { id: teams[1].id, name: 'South West' })).toEqual([{ name: 'South West' }]);
		const names = await app.db.selectFrom('team').select('name').where('id', 'in', teams.map((t) => t.id)).orderBy('name').execute();
		expect(names.map((n) => n.name)).toEqual(['North East', 'South West']);
	});
});
