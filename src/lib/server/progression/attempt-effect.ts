import type { Kysely } from 'kysely';
import { evaluateLadderWithout } from '../../certification/ladder-without-attempt';
import type { Actor } from '../access';
import type { Database } from '../db/schema';
import { findAttemptReward, setAttemptEffect } from '../db/rewards';
import { log } from '../log';
import { evaluateProgression } from './evaluate-progression';
import { standingOf } from './status-labels';

/** What one finished attempt did to the learner's progression, as the debrief shows it. */
export interface AttemptEffect {
	xpEarned: number;
	certifications: { title: string; before: string; after: string }[];
	badges: string[];
}

type StoredEffect = Omit<AttemptEffect, 'xpEarned'>;

/**
 * Re-evaluates the learner after an attempt finished (issuing what is due) and records what
 * changed: each track whose standing moved, and badges earned. Never fails the attempt: the
 * attempt is already stored, and the next evaluation catches up on anything missed here.
 */
export async function progressionAfterAttempt(db: Kysely<Database>, userId: string, attemptId: string): Promise<void> {
	try {
		const result = await evaluateProgression(db, userId, { scenarioTitles: false });
		const before = evaluateLadderWithout(result.library.tracks, result.factsBefore, result.evaluationsBefore, attemptId);
		const titles = new Map(result.library.tracks.map((t) => [t.id, t.title]));
		const certifications = result.evaluations.flatMap((after, i) => {
			const was = standingOf(before[i]);
			const now = standingOf(after);
			return was === now ? [] : [{ title: titles.get(after.trackId) ?? after.trackId, before: was, after: now }];
		});
		const badgeTitles = new Map(result.library.badges.map((b) => [b.id, b.title]));
		const effect: StoredEffect = { certifications, badges: result.newBadgeIds.map((id) => badgeTitles.get(id) ?? id) };
		await setAttemptEffect(db, attemptId, effect);
	} catch (e) {
		log.error('progression evaluation failed after an attempt', { attemptId, error: (e as Error).message });
	}
}

/** The effect of one of the actor's own attempts; null for another person's or an unrewarded attempt. */
export async function progressEffectOfAttempt(db: Kysely<Database>, actor: Actor, attemptId: string): Promise<AttemptEffect | null> {
	const reward = await findAttemptReward(db, attemptId);
	if (!reward || reward.userId !== actor.id) return null;
	const effect = (reward.effect as StoredEffect | null) ?? { certifications: [], badges: [] };
	return { xpEarned: reward.xp, ...effect };
}
