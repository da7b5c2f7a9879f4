import { describe, expect, it } from 'vitest';
import { addTeamMember, createTeam } from '../../src/lib/server/db/teams';
import { createAccessToken, holderOfAccessToken, revokeAccessToken } from '../../src/lib/server/db/tokens';
import { createUser, setActive } from '../../src/lib/server/db/users';
import { migratedDatabase } from './support/migrated-database';
import { dialectLabel, dialects } from './support/test-database';

// The bearer-token lookup reads the holder's teams in the same query: one row per team.
describe.each(dialects)('the holder of an access token %s', (dialect) => {
	const label = dialectLabel(dialect);
	const app = migratedDatabase(dialect);

	it(`${label} comes with every team they are on, each once`, async () => {
		const lead = await createUser(app.db, { email: 'two.teams@example.test', name: 'Two Teams', role: 'team_lead' });
		const [north, south] = [await createTeam(app.db, 'North'), await createTeam(app.db, 'South')];
		await addTeamMember(app.db, north.id, lead.id);
		await addTeamMember(app.db, south.id, lead.id);
		const { secret } = await createAccessToken(app.db, lead.id, 'script');
		const holder = await holderOfAccessToken(app.db, secret);
		expect(holder?.user).toMatchObject({ id: lead.id, email: 'two.teams@example.test', role: 'team_lead', active: true });
		expect(holder?.teamIds.toSorted()).toEqual([north.id, south.id].toSorted());
	});

	it(`${label} comes with no teams when on none`, async () => {
		const loner = await createUser(app.db, { email: 'no.team@example.test', name: 'No Team', role: 'learner' });
		const { secret } = await createAccessToken(app.db, loner.id, 'script');
		expect(await holderOfAccessToken(app.db, secret)).toEqual({ user: expect.objectContaining({ id: loner.id }), teamIds: [] });
	});

	it(`${label} is nobody for a revoked token, a deactivated person or a made-up secret`, async () => {
		const person = await createUser(app.db, { email: 'leaver@example.test', name: 'Leaver', role: 'learner' });
		const revoked = await createAccessToken(app.db, person.id, 'old');
		await revokeAccessToken(app.db, person.id, revoked.id);
		expect(await holderOfAccessToken(app.db, revoked.secret)).toBeUndefined();
		const live = await createAccessToken(app.db, person.id, 'live');
		expect(await holderOfAccessToken(app.db, live.secret)).toBeDefined();
		await setActive(app.db, person.id, false);
		expect(await holderOfAccessToken(app.db, live.secret)).toBeUndefined();
		expect(await holderOfAccessToken(app.db, 'rpt_made-up')).toBeUndefined();
	});
});
