import type { Kysely } from 'kysely';
import type { TrackEvaluation, TrackStatus } from '../../certification/evaluate-track';
import { requirementTitle } from '../../certification/describe-requirement';
import { PROFICIENCY_MIN_SAMPLES, type RequirementProgress } from '../../certification/requirement-progress';
import { BADGE_ICONS } from '../../content/badge-schema';
import type { Requirement, Track } from '../../content/track-schema';
import { describeBadgeRule } from '../../gamification/badges';
import { dayOf } from '../../gamification/days';
import { levelFor, type LevelStanding } from '../../gamification/levels';
import { streakOn, type StreakStanding } from '../../gamification/streaks';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { evaluateProgression } from './evaluate-progression';
import { questsFor, type Quest } from './quests';
import { TRACK_STATUS_LABELS } from './status-labels';

export interface RequirementView extends RequirementProgress {
	title: string;
	/** "1 of 2 scenarios", "Level 2.4 of 3 over 3 attempts", "Within tolerance". */
	progressLabel: string;
	/** Calibration exercises are done on their own page. */
	exerciseHref: string | null;
}

export interface CertificationView {
	id: string;
	title: string;
	description: string | null;
	level: number;
	sideTrack: boolean;
	status: TrackStatus;
	statusLabel: string;
	requirements: RequirementView[];
	missingPrerequisites: string[];
	credentialId: string | null;
	earnedAt: string | null;
	expiresAt: string | null;
	renewal: { dueAt: string; daysLeft: number } | null;
}

export interface BadgeView {
	id: string;
	title: string;
	description: string;
	icon: (typeof BADGE_ICONS)[number];
	earnedAt: string | null;
	hint: string;
}

export interface ProgressView {
	xp: number;
	level: LevelStanding;
	streak: StreakStanding;
	badges: BadgeView[];
	certifications: CertificationView[];
	quests: Quest[];
}

const progressLabel = (req: Requirement, p: RequirementProgress): string => {
	switch (req.kind) {
		case 'scenarios':
			return `${p.current} of ${p.target} passed`;
		case 'family':
			return `${p.current} of ${p.target} scenario${p.target === 1 ? '' : 's'} passed`;
		case 'proficiency': {
			const over = `over ${p.samples} attempt${p.samples === 1 ? '' : 's'}`;
			const fewer = (p.samples ?? 0) < PROFICIENCY_MIN_SAMPLES ? ` (needs at least ${PROFICIENCY_MIN_SAMPLES})` : '';
			return `Level ${p.current.toFixed(1)} of ${p.target} ${over}${fewer}`;
		}
		case 'calibration':
			return p.met ? 'Within tolerance' : 'Not calibrated yet';
	}
};

type Lookups = { titleOf: (id: string) => string; scenarioTitle: (id: string) => string; lastCredential: (trackId: string) => string | null };

function certificationView(track: Track, e: TrackEvaluation, { titleOf, scenarioTitle, lastCredential }: Lookups): CertificationView {
	return {
		id: track.id,
		title: track.title,
		description: track.description ?? null,
		level: track.level,
		sideTrack: track.side_track,
		status: e.status,
		statusLabel: TRACK_STATUS_LABELS[e.status],
		requirements: e.requirements.map((p, i) => {
			const req = track.requirements[i];
			return {
				...p,
				title: requirementTitle(req, scenarioTitle),
				progressLabel: progressLabel(req, p),
				exerciseHref: req.kind === 'calibration' ? `/progress/calibration/${track.id}/${req.id}` : null
			};
		}),
		missingPrerequisites: e.missingPrerequisites.map(titleOf),
		// An expired certificate keeps its credential (which now verifies as expired); a revoked one is not offered.
		credentialId: e.current?.credentialId ?? (e.status === 'expired' ? lastCredential(track.id) : null),
		earnedAt: e.current?.earnedAt ?? null,
		expiresAt: e.current?.expiresAt ?? null,
		renewal: e.renewal
	};
}

/**
 * A learner's whole progression: level, streak, badges and the certification ladder. Runs the
 * evaluation (which is idempotent), so a certificate that was due is issued before it is shown.
 */
export async function progressView(db: Kysely<Database>, actor: Actor): Promise<ProgressView> {
	const result = await evaluateProgression(db, actor.id);
	const { library, evaluations, progress } = result;
	const tracks = new Map(library.tracks.map((t) => [t.id, t]));
	const titleOf = (id: string) => tracks.get(id)?.title ?? id;
	const held = new Map(result.badges.map((b) => [b.badgeId, b.earnedAt]));
	const lookups: Lookups = {
		titleOf,
		scenarioTitle: library.scenarioTitle,
		lastCredential: (trackId) => result.facts.certificates.filter((c) => c.trackId === trackId).at(-1)?.credentialId ?? null
	};
	return {
		xp: progress.xp,
		level: levelFor(progress.xp),
		streak: streakOn(progress.streak, dayOf(result.facts.now)),
		badges: library.badges.map((b) => ({
			id: b.id,
			title: b.title,
			description: b.description,
			icon: b.icon,
			earnedAt: held.get(b.id) ?? null,
			hint: describeBadgeRule(b.rule)
		})),
		certifications: evaluations.map((e) => certificationView(tracks.get(e.trackId)!, e, lookups)),
		quests: await questsFor(db, actor)
	};
}

/** The `GET /api/v1/me/progress` answer, exactly as interfaces.md promises. */
export const progressJson = (view: ProgressView) => ({
	xp: view.xp,
	level: view.level.level,
	badges: view.badges
		.filter((b) => b.earnedAt)
		.map((b) => ({ id: b.id, title: b.title, description: b.description, icon: b.icon, earnedAt: b.earnedAt })),
	certifications: view.certifications.map((c) => ({
		id: c.id,
		title: c.title,
		status: c.status,
		requirements: c.requirements.map((r) => ({ id: r.id, title: r.title, kind: r.kind, met: r.met, current: r.current, target: r.target })),
		credentialId: c.credentialId
	}))
});
