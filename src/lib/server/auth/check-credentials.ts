import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findUserByEmail, type User } from '../db/users';
import { verifyAgainstDecoy, verifyPassword } from './password';

/** The user when email and password match an active account; otherwise undefined, in the same time. */
export async function checkCredentials(db: Kysely<Database>, email: string, password: string): Promise<User | undefined> {
	const found = await findUserByEmail(db, email);
	if (!found?.passwordHash) {
		await verifyAgainstDecoy(password);
		return undefined;
	}
	const matches = await verifyPassword(password, found.passwordHash);
	return matches && found.user.active ? found.user : undefined;
}
