import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { createSession, resolveSession, revokeSession } from '../../src/lib/server/db/sessions';
import { addTeamMember, createTeam } from '../../src/lib/server/db/teams';
import { createUser, setActive, setRole } from '../../src/lib/server/db/users';
import { migratedDatabase } from './support/migrated-database';
import { dialectLabel, dialects } from './support/test-database';

describe.each(dialects)('session repository %s', (dialect) => {
	const app = migratedDatabase(dialect);
	const label = dialectLabel(dialect);
	let n = 0;
	const newUser = () => createUser(app.db, { email: `person${++n}@example.test`, name: `Person ${n}`, role: 'learner' });

	it(`${label} resolves a live session to its user`, async () => {
		const user = await newUser();
		const sid = await createSession(app.db, user, 'credentials');
		expect((await resolveSession(app.db, sid))?.user.id).toBe(user.id);
	});

	// The teams come in the same query as the session: one row per team.
	it(`${label} brings every team the person is on, each once, and none when on none`, async () => {
		const lead = await newUser();
		const [north, south] = [await createTeam(app.db, `North ${n}`), await createTeam(app.db, `South ${n}`)];
		await addTeamMember(app.db, north.id, lead.id);
		await addTeamMember(app.db, south.id, lead.id);
		const holder = await resolveSession(app.db, await createSession(app.db, lead, 'credentials'));
		expect(holder?.teamIds.toSorted()).toEqual([north.id, south.id].toSorted());
		const loner = await newUser();
		expect(await resolveSession(app.db, await createSession(app.db, loner, 'credentials'))).toEqual({ user: expect.objectContaining({ id: loner.id }), teamIds: [] });
	});

	it(`${label} refuses a revoked session`, async () => {
		const sid = await createSession(app.db, await newUser(), 'credentials');
		await revokeSession(app.db, sid);
		expect(await resolveSession(app.db, sid)).toBeUndefined();
	});

	it(`${label} ends existing sessions when the role changes`, async () => {
		const user = await newUser();
		const sid = await createSession(app.db, user, 'credentials');
		await setRole(app.db, user.id, 'trainer');
		expect(await resolveSession(app.db, sid)).toBeUndefined();
	});

	it(`${label} ends existing sessions on deactivation, and a reactivated user must sign in again`, async () => {
		const user = await newUser();
		const sid = await createSession(app.db, user, 'credentials');
		await setActive(app.db, user.id, false);
		expect(await resolveSession(app.db, sid)).toBeUndefined();
		await setActive(app.db, user.id, true);
		expect(await resolveSession(app.db, sid)).toBeUndefined();
	});

	it(`${label} refuses an unknown session id`, async () => {
		expect(await resolveSession(app.db, crypto.randomUUID())).toBeUndefined();
	});

	it(`${label} migrates idempotently`, async () => {
		expect(await migrateToLatest(app.db)).toEqual([]);
	});
});
