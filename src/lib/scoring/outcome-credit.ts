import { OUTCOMES } from '../content/outcomes';
import type { Scenario } from '../content/scenario-schema';
import type { DialogueContext } from '../dialogue/dialogue-types';

/**
 * First-contact resolution from how the contact ended; the ending may override the default
 * credit for its outcome. Null when resolution does not apply (an abusive call ended per policy).
 */
export const resolutionScore = (scenario: Scenario, context: DialogueContext): number | null => {
	if (context.outcome === null) return 0;
	const ending = scenario.nodes[context.nodeId];
	return ending?.resolution ?? OUTCOMES[context.outcome].resolution;
};

// On pace between 60% and 120% of the target. Slower loses credit until twice the target;
// faster loses it too, down to nothing at 20%: a contact closed that fast was rushed, not efficient.
const ON_PACE_FROM = 0.6;
const ON_PACE_TO = 1.2;
const TOO_SLOW_AT = 2;
const TOO_FAST_AT = 0.2;

export const handleTimeScore = (elapsedSeconds: number, targetSeconds: number): number => {
	if (targetSeconds <= 0) return 100;
	const ratio = elapsedSeconds / targetSeconds;
	if (ratio > ON_PACE_TO) return clampPercent(((TOO_SLOW_AT - ratio) / (TOO_SLOW_AT - ON_PACE_TO)) * 100);
	if (ratio < ON_PACE_FROM) return clampPercent(((ratio - TOO_FAST_AT) / (ON_PACE_FROM - TOO_FAST_AT)) * 100);
	return 100;
};

// Mood 8 of 10 or better counts as a fully satisfied customer, like a top-box CSAT answer.
const SATISFIED_MOOD = 8;

export const moodScore = (mood: number): number => clampPercent((mood / SATISFIED_MOOD) * 100);

const clampPercent = (value: number): number => Math.min(100, Math.max(0, value));
