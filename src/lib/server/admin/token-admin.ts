import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import { recordAudit } from '../db/audit-log';
import type { Database } from '../db/schema';
import { revokeAnyAccessToken } from '../db/tokens';
import { failure, ok, type Result } from '../http-errors';

export async function revokeTokenAudited(db: Kysely<Database>, actor: Actor, tokenId: string): Promise<Result<true>> {
	return db.transaction().execute(async (trx) => {
		const ownerId = await revokeAnyAccessToken(trx, tokenId);
		if (!ownerId) return failure('not-found', 'No such live token');
		await recordAudit(trx, { actorId: actor.id, action: 'token.revoked', subjectType: 'token', subjectId: tokenId, details: { ownerId } });
		return ok(true as const);
	});
}
