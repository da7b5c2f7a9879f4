import type { Track } from '../content/track-schema';
import { addDays, addMonths, daysUntil } from './dates';
import type { AttemptRecord, CalibrationRecord, CertificateRecord, CriterionScale } from './records';
import { requirementProgress, type RequirementProgress } from './requirement-progress';

/** Recertification opens this long before a certificate expires, and reminders start then. */
export const RENEWAL_WINDOW_DAYS = 60;

export const TRACK_STATUSES = ['locked', 'in_progress', 'earned', 'expired'] as const;
export type TrackStatus = (typeof TRACK_STATUSES)[number];

/** Everything the evaluator reads about one learner. Pure data: the same facts give the same answer. */
export interface LearnerFacts {
	attempts: readonly AttemptRecord[];
	calibrations: readonly CalibrationRecord[];
	certificates: readonly CertificateRecord[];
	criterionScale: CriterionScale;
	now: string;
}

export interface TrackEvaluation {
	trackId: string;
	status: TrackStatus;
	requirements: RequirementProgress[];
	/** Prerequisite tracks the learner does not hold now. */
	missingPrerequisites: string[];
	/** The certificate valid now, if any. */
	current: CertificateRecord | null;
	/** From RENEWAL_WINDOW_DAYS before expiry (and after it): the requirements shown are the renewal's. */
	renewal: { dueAt: string; daysLeft: number } | null;
	/** A certificate these facts say must be issued now; the caller issues it at most once per cycle. */
	issue: { cycle: number; expiresAt: string } | null;
}

const renewalOpens = (certificate: CertificateRecord) => addDays(certificate.expiresAt, -RENEWAL_WINDOW_DAYS);

/**
 * Where the attempts counting toward a cycle begin: everything for a first certificate; for a
 * later one, the previous certificate's renewal window, or its revocation (a revoked certificate
 * cannot be re-earned with the attempts that earned it).
 */
const countingFrom = (previous: CertificateRecord | undefined): string | null =>
	previous ? (previous.revokedAt ?? renewalOpens(previous)) : null;

const within = <T>(items: readonly T[], at: (item: T) => string, since: string | null, until: string) =>
	items.filter((item) => (since === null || at(item) >= since) && at(item) <= until);

/**
 * One track for one learner. `held` are the tracks whose certificate the learner holds (or is
 * being issued in the same evaluation), which decides whether prerequisites are met.
 */
export function evaluateTrack(track: Track, facts: LearnerFacts, held: ReadonlySet<string>): TrackEvaluation {
	const { now } = facts;
	const mine = facts.certificates.filter((c) => c.trackId === track.id).sort((a, b) => a.cycle - b.cycle);
	const latest = mine.at(-1);
	const live = latest && latest.revokedAt === null ? latest : undefined;
	const current = live && now < live.expiresAt ? live : null;
	const renewing = live !== undefined && now >= renewalOpens(live);
	const missingPrerequisites = track.prerequisites.filter((id) => !held.has(id));

	// A certificate that is not up for renewal shows the requirements as they stood when it was earned.
	const frozen = current !== null && !renewing;
	const since = frozen ? countingFrom(mine.at(-2)) : countingFrom(latest);
	const until = frozen ? current.earnedAt : now;
	const windowed = {
		trackId: track.id,
		attempts: within(facts.attempts, (a) => a.finishedAt, since, until),
		calibrations: within(facts.calibrations, (c) => c.submittedAt, since, until),
		retakes: track.retakes,
		criterionScale: facts.criterionScale,
		now
	};
	const requirements = track.requirements.map((req) => requirementProgress(req, windowed));
	const ready = requirements.every((r) => r.met) && missingPrerequisites.length === 0;

	const status = current ? 'earned' : live ? 'expired' : missingPrerequisites.length ? 'locked' : 'in_progress';
	const issue =
		ready && !frozen
			? // Renewing early adds the new period to the old expiry, so nobody loses time by renewing on time.
				{ cycle: (latest?.cycle ?? 0) + 1, expiresAt: addMonths(current ? current.expiresAt : now, track.valid_for_months) }
			: null;
	return {
		trackId: track.id,
		status,
		requirements,
		missingPrerequisites,
		current,
		renewal: renewing ? { dueAt: live.expiresAt, daysLeft: Math.max(0, daysUntil(now, live.expiresAt)) } : null,
		issue
	};
}

/** Main ladder first, by level, then side tracks; prerequisites always come before the tracks needing them. */
export function prerequisiteOrder(tracks: readonly Track[]): Track[] {
	const byId = new Map(tracks.map((t) => [t.id, t]));
	const ordered: Track[] = [];
	const seen = new Set<string>();
	const visit = (track: Track) => {
		if (seen.has(track.id)) return;
		seen.add(track.id);
		for (const id of track.prerequisites) {
			const prerequisite = byId.get(id);
			if (prerequisite) visit(prerequisite);
		}
		ordered.push(track);
	};
	[...tracks].sort(compareTracks).forEach(visit);
	return ordered;
}

export const compareTracks = (a: Track, b: Track): number =>
	Number(a.side_track) - Number(b.side_track) || a.level - b.level || a.title.localeCompare(b.title);

/**
 * Every track for one learner, prerequisites first, so a certificate earned by this evaluation
 * unlocks the next rung at once. Idempotent: once the issued certificates are added to the
 * facts, evaluating again asks for nothing more.
 */
export function evaluateLadder(tracks: readonly Track[], facts: LearnerFacts): TrackEvaluation[] {
	const held = new Set<string>();
	const results = new Map<string, TrackEvaluation>();
	for (const track of prerequisiteOrder(tracks)) {
		const evaluation = evaluateTrack(track, facts, held);
		if (evaluation.current || evaluation.issue) held.add(track.id);
		results.set(track.id, evaluation);
	}
	return [...tracks].sort(compareTracks).map((t) => results.get(t.id)!);
}
