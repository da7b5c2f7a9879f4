import type { Track } from '../content/track-schema';
import { compareTracks, evaluateTrack, prerequisiteOrder, type LearnerFacts, type TrackEvaluation } from './evaluate-track';
import { readsAttempt } from './requirement-progress';

const holds = (e: TrackEvaluation) => e.current !== null || e.issue !== null;

/**
 * The ladder as it stood without one of the learner's attempts, given the ladder evaluated from
 * `facts` (which include it): what `evaluateLadder(tracks, facts minus that attempt)` returns.
 * A track none of whose requirements reads the attempt, and whose prerequisites are held as
 * before, evaluates exactly as it did with the attempt, so only the other tracks are evaluated
 * again. After every finished attempt this tells what the attempt changed, at a fraction of a
 * second full pass over the learner's history.
 */
export function evaluateLadderWithout(
	tracks: readonly Track[],
	facts: LearnerFacts,
	withIt: readonly TrackEvaluation[],
	attemptId: string
): TrackEvaluation[] {
	const attempt = facts.attempts.find((a) => a.id === attemptId);
	if (!attempt) return [...withIt];
	const without: LearnerFacts = { ...facts, attempts: facts.attempts.filter((a) => a.id !== attemptId) };
	const known = new Map(withIt.map((e) => [e.trackId, e]));
	const held = new Set<string>();
	const heldDiffers = new Set<string>();
	const results = new Map<string, TrackEvaluation>();
	for (const track of prerequisiteOrder(tracks)) {
		const previous = known.get(track.id);
		const unaffected =
			previous !== undefined &&
			!track.prerequisites.some((id) => heldDiffers.has(id)) &&
			!track.requirements.some((req) => readsAttempt(req, attempt));
		const evaluation = unaffected ? previous : evaluateTrack(track, without, held);
		if (holds(evaluation)) held.add(track.id);
		if (previous === undefined || holds(previous) !== holds(evaluation)) heldDiffers.add(track.id);
		results.set(track.id, evaluation);
	}
	return [...tracks].sort(compareTracks).map((t) => results.get(t.id)!);
}
