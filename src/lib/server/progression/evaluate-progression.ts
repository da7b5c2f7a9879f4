import type { Kysely } from 'kysely';
import { evaluateLadder, type TrackEvaluation } from '../../certification/evaluate-track';
import { earnedBadges, type EarnedBadge } from '../../gamification/badges';
import { nowIso } from '../clock';
import { awardBadges, listUserBadges } from '../db/badges';
import type { Database } from '../db/schema';
import { readLearnerProgress, type LearnerProgress } from '../db/rewards';
import { findUserById } from '../db/users';
import { issueCertificate } from './issue-certificate';
import { loadLearnerFacts, loadProgressionLibrary, scenarioTitles, type LoadedFacts, type ProgressionLibrary } from './learner-facts';

export interface Progression {
	library: ProgressionLibrary;
	/** The facts as loaded, before anything was issued by this evaluation. */
	factsBefore: LoadedFacts;
	/** The ladder evaluated from `factsBefore`. */
	evaluationsBefore: TrackEvaluation[];
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
 * `scenarioTitles: false` skips reading scenario titles unless a certificate is issued (see
 * loadProgressionLibrary): for callers that show none.
 */
export async function evaluateProgression(db: Kysely<Database>, userId: string, options: { scenarioTitles?: boolean } = {}): Promise<Progression> {
	const now = nowIso();
	let library = await loadProgressionLibrary(db, options);
	// Issuing certificates changes neither the XP nor the badges held, so these are read together.
	const [factsBefore, progress, held] = await Promise.all([
		loadLearnerFacts(db, userId, library, now),
		readLearnerProgress(db, userId),
		listUserBadges(db, userId)
	]);
	const evaluationsBefore = evaluateLadder(library.tracks, factsBefore);
	let facts = factsBefore;
	let evaluations = evaluationsBefore;

	const due = evaluations.filter((e) => e.issue);
	const issuedTrackIds: string[] = [];
	if (due.length) {
		const user = await findUserById(db, userId);
		if (!user) throw new Error(`no user ${userId} to certify`);
		// A credential names the scenarios it was earned with.
		if (options.scenarioTitles === false) library = { ...library, scenarioTitle: await scenarioTitles(db) };
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

	// Badges, once earned, are kept: only the ones not held yet are judged.
	const heldIds = new Set(held.map((b) => b.badgeId));
	const fresh = earnedBadges(
		library.badges.filter((b) => !heldIds.has(b.id)),
		{
			attempts: facts.attempts,
			xp: progress.xp,
			longestStreak: progress.streak.longest,
			certifications: facts.certificates.filter((c) => c.revokedAt === null),
			now
		}
	);
	await awardBadges(db, userId, fresh);
	return {
		library,
		factsBefore,
		evaluationsBefore,
		facts,
		evaluations,
		progress,
		badges: [...held, ...fresh],
		issuedTrackIds,
		newBadgeIds: fresh.map((b) => b.badgeId)
	};
}
