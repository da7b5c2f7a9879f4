import type { Kysely } from 'kysely';
import { RENEWAL_WINDOW_DAYS } from '../../certification/evaluate-track';
import { addDays, daysUntil } from '../../certification/dates';
import type { Track } from '../../content/track-schema';
import { dayOf } from '../../gamification/days';
import { levelFor, type LevelStanding } from '../../gamification/levels';
import { streakOn, type StreakStanding } from '../../gamification/streaks';
import type { Actor } from '../access';
import { nowIso } from '../clock';
import { listCertificatesOf } from '../db/certifications';
import { latestVersions } from '../db/content-versions';
import { readLearnerProgress } from '../db/rewards';
import type { Database } from '../db/schema';

export interface HomeSummary {
	level: LevelStanding;
	streak: StreakStanding;
	certified: { title: string; expiresAt: string }[];
	/** Certificates in their renewal window or lapsed: the reminders before (and after) expiry. */
	reminders: { title: string; expiresAt: string; daysLeft: number }[];
}

/**
 * The learner's compact standing for the home page, read from the roll-ups and the certificate
 * table only: no evaluation and no scan of attempts on the busiest page.
 */
export async function homeSummary(db: Kysely<Database>, actor: Actor): Promise<HomeSummary> {
	const now = nowIso();
	const [progress, certificates, tracks] = await Promise.all([
		readLearnerProgress(db, actor.id),
		listCertificatesOf(db, actor.id),
		latestVersions<Track>(db, 'track', { status: 'published' })
	]);
	const titles = new Map(tracks.map((t) => [t.id, t.title]));
	const latest = new Map(certificates.filter((c) => c.revokedAt === null).map((c) => [c.trackId, c]));
	const live = [...latest.values()].filter((c) => titles.has(c.trackId));
	return {
		level: levelFor(progress.xp),
		streak: streakOn(progress.streak, dayOf(now)),
		certified: live.filter((c) => c.expiresAt > now).map((c) => ({ title: titles.get(c.trackId)!, expiresAt: c.expiresAt })),
		reminders: live
			.filter((c) => now >= addDays(c.expiresAt, -RENEWAL_WINDOW_DAYS))
			.map((c) => ({ title: titles.get(c.trackId)!, expiresAt: c.expiresAt, daysLeft: Math.max(0, daysUntil(now, c.expiresAt)) }))
	};
}
