import { WINDOW, type ScoredCriteria } from './competency-heatmap';
import type { CriterionScoreEntry } from './criterion-scores';

/** One scored attempt as a member's heatmap window keeps it: a null score counts nowhere. */
export interface WindowAttempt {
	attemptId: string;
	startedAt: string;
	criteria: { id: string; label: string; score: number | null }[];
}

/** Newest first; the attempt id breaks a tie, so every reader puts equal start times in one order. */
export const newestFirst = (a: Pick<WindowAttempt, 'attemptId' | 'startedAt'>, b: Pick<WindowAttempt, 'attemptId' | 'startedAt'>) =>
	b.startedAt < a.startedAt ? -1 : b.startedAt > a.startedAt ? 1 : b.attemptId < a.attemptId ? -1 : b.attemptId > a.attemptId ? 1 : 0;

export const windowAttemptOf = (attemptId: string, startedAt: string, entries: readonly CriterionScoreEntry[]): WindowAttempt => ({
	attemptId,
	startedAt,
	criteria: entries.map((e) => ({ id: e.criterionId, label: e.label, score: e.score }))
});

/**
 * The window with `attempt` in it (replacing an earlier copy of the same attempt): the newest
 * WINDOW scored attempts, which is all the heatmap ever weighs. An attempt older than a full
 * window's oldest falls straight out, as it would from a fresh read.
 */
export function withAttempt(window: readonly WindowAttempt[], attempt: WindowAttempt): WindowAttempt[] {
	return [...window.filter((w) => w.attemptId !== attempt.attemptId), attempt].sort(newestFirst).slice(0, WINDOW);
}

/** The window's attempts started at or after `sinceIso`, as the heatmap reads them (a null score counts nowhere). */
export const scoredSince = (window: readonly WindowAttempt[], sinceIso: string): ScoredCriteria[] => window.filter((w) => w.startedAt >= sinceIso);
