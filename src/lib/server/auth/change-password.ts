import type { Kysely } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../db/audit-log';
import type { Database } from '../db/schema';
import { setPassword } from '../db/users';
import { failure, ok, type Result } from '../http-errors';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';

export const PasswordChange = z
	.object({
		current: z.string().min(1, 'Enter your current password').max(1024),
		next: z.string().max(1024).superRefine((value, ctx) => {
			const problem = passwordProblem(value);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		}),
		confirm: z.string().max(1024)
	})
	.refine((v) => v.next === v.confirm, { path: ['confirm'], message: 'The two new passwords differ' });

export async function changePassword(
	db: Kysely<Database>,
	userId: string,
	change: z.infer<typeof PasswordChange>
): Promise<Result<true>> {
	const row = await db.selectFrom('user').select('password_hash').where('id', '=', userId).executeTakeFirst();
	if (!row?.password_hash || !(await verifyPassword(change.current, row.password_hash))) {
		return failure('invalid', 'Your current password is not right');
	}
	await setPassword(db, userId, await hashPassword(change.next));
	await recordAudit(db, { actorId: userId, action: 'user.password-changed', subjectType: 'user', subjectId: userId });
	return ok(true);
}
