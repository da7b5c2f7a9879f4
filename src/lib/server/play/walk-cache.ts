import type { Walkthrough } from '../../dialogue/build-transcript';
import type { ScenarioRuntime } from './scenario-runtime';

/*
 * The walk of each attempt in play, so a step continues it by one event instead of reading and
 * replaying every event again. Safe with several instances: events are append-only and numbered,
 * so the walk at event `seq` of an attempt never changes, and an entry is used only when the
 * attempt's stored seq (read on every request) is still the one it was made at. Keyed to the
 * runtime object too: a draft's play-test gets a fresh runtime per request, so it always replays
 * against the draft as it is now.
 */

// A few thousand attempts in play at once is a big site; an entry is a few kilobytes.
const MAX_WALKS = 5_000;
const walks = new Map<string, { seq: number; runtime: ScenarioRuntime; walk: Walkthrough }>();

export function cachedWalk(attemptId: string, seq: number, runtime: ScenarioRuntime): Walkthrough | undefined {
	const hit = walks.get(attemptId);
	if (!hit || hit.seq !== seq || hit.runtime !== runtime) return undefined;
	// Re-inserted, so the map's order is least recently used first.
	walks.delete(attemptId);
	walks.set(attemptId, hit);
	return hit.walk;
}

export function rememberWalk(attemptId: string, seq: number, runtime: ScenarioRuntime, walk: Walkthrough): void {
	walks.delete(attemptId);
	if (walks.size >= MAX_WALKS) walks.delete(walks.keys().next().value!);
	walks.set(attemptId, { seq, runtime, walk });
}

/** An ended attempt takes no more steps. */
export const forgetWalk = (attemptId: string) => void walks.delete(attemptId);
