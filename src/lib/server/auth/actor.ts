import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { teamIdsOf } from '../db/teams';
import type { User } from '../db/users';

export async function toActor(db: Kysely<Database>, user: User): Promise<Actor> {
	return { id: user.id, email: user.email, name: user.name, role: user.role, teamIds: await teamIdsOf(db, user.id) };
}
