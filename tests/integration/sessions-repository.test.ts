import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { createSession, resolveSession, revokeSession } from '../../src/lib/server/db/sessions';
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
		expect((await resolveSession(app.db, sid))?.id).toBe(user.id);
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
