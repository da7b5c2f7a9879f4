import type { Kysely } from 'kysely';
import type { EarnedBadge } from '../../gamification/badges';
import type { Database } from './schema';

export async function listUserBadges(db: Kysely<Database>, userId: string): Promise<EarnedBadge[]> {
	const rows = await db.selectFrom('user_badge').select(['badge_id', 'earned_at']).where('user_id', '=', userId).orderBy('earned_at').execute();
	return rows.map((r) => ({ badgeId: r.badge_id, earnedAt: r.earned_at }));
}

/** Stores badges once each; a badge already held keeps its first date. */
export async function awardBadges(db: Kysely<Database>, userId: string, badges: readonly EarnedBadge[]) {
	if (badges.length === 0) return;
	await db
		.insertInto('user_badge')
		.values(badges.map((b) => ({ user_id: userId, badge_id: b.badgeId, earned_at: b.earnedAt })))
		.onConflict((oc) => oc.columns(['user_id', 'badge_id']).doNothing())
		.execute();
}
