import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { teamIdsOf } from '../db/teams';
import type { User } from '../db/users';

/** The person as the access rules see them, once their teams are known. */
export const actorOf = (user: User, teamIds: string[]): Actor => ({ id: user.id, email: user.email, name: user.name, role: user.role, teamIds });

export async function toActor(db: Kysely<Database>, user: User): Promise<Actor> {
	return actorOf(user, await teamIdsOf(db, user.id));
}
