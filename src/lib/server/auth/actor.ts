import type { Actor } from '../access';
import type { User } from '../db/users';

/** The person as the access rules see them, once their teams are known. */
export const actorOf = (user: User, teamIds: string[]): Actor => ({ id: user.id, email: user.email, name: user.name, role: user.role, teamIds });
