import type { Kysely } from 'kysely';
import { evaluateLadder, type TrackEvaluation } from '../../certification/evaluate-track';
import { earnedBadges, type EarnedBadge } from '../../gamification/badges';
import { nowIso } from '../clock';
import { awardBadges, listUserBadges } from '../db/badges';
import type { Database } from '../db/schema';
import { readLearnerProgress, type LearnerProgress } from '../db/rewards';
import { findUserById } from '../db/users';
import { issueCertificate } from './issue-certificate';
import { loadLearnerFacts, loadProgressionLibrary, type LoadedFacts, type ProgressionLibrary } from './learner-facts';

export interface Progression {
	library: ProgressionLibrary;
	/** The facts as loaded, before anything was issued by this evaluation. */
	factsBefore: LoadedFacts;
	facts: LoadedFacts;
	evaluations: TrackEvaluation[];
	progress: LearnerProgress;
	badges: EarnedBadge[];
	issuedTrackIds: string[];
	newBadgeIds: string[];
}

/**
 * Runs the rules for one learner and makes the database agree: issues every certificate the
 * evaluation asks for, then awards badges. Safe to run any number of times, concurrently too:
 * a certificate cycle and a badge can each be stored only once. Runs after every finished
 * attempt, and should run after a score is overridden (call it with the attempt's owner).
 */
export async function evaluateProgression(db: Kysely<Database>, userId: string): Promise<Progression> {
	const now = nowIso();
	const library = await loadProgressionLibrary(db);
	const factsBefore = await loadLearnerFacts(db, userId, library, now);
	let facts = factsBefore;
	let evaluations = evaluateLadder(library.tracks, facts);

	const due = evaluations.filter((e) => e.issue);
	const issuedTrackIds: string[] = [];
	if (due.length) {
		const user = await findUserById(db, userId);
		if (!user) throw new Error(`no user ${userId} to certify`);
		for (const evaluation of due) {
			const track = library.tracks.find((t) => t.id === evaluation.trackId)!;
			const issued = await issueCertificate(db, {
				holder: { id: user.id, name: user.name, email: user.email },
				track,
				cycle: evaluation.issue!.cycle,
				earnedAt: now,
				expiresAt: evaluation.issue!.expiresAt,
				scenarioTitle: library.scenarioTitle
			});
			if (issued) issuedTrackIds.push(track.id);
		}
		// Whoever issued them (this run or a racing one), read them back and evaluate again: nothing is left due.
		facts = await loadLearnerFacts(db, userId, library, now);
		evaluations = evaluateLadder(library.tracks, facts);
	}

	const [progress, held] = await Promise.all([readLearnerProgress(db, userId), listUserBadges(db, userId)]);
	const earned = earnedBadges(library.badges, {
		attempts: facts.attempts,
		xp: progress.xp,
		longestStreak: progress.streak.longest,
		certifications: facts.certificates.filter((c) => c.revokedAt === null),
		now
	});
	const heldIds = new Set(held.map((b) => b.badgeId));
	const fresh = earned.filter((b) => !heldIds.has(b.badgeId));
	await awardBadges(db, userId, fresh);
	return {
		library,
		factsBefore,
		facts,
		evaluations,
		progress,
		badges: [...held, ...fresh],
		issuedTrackIds,
		newBadgeIds: fresh.map((b) => b.badgeId)
	};
}
