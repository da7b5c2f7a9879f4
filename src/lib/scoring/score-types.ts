import type { Evidence } from '../content/option-schema';
import type { Outcome } from '../content/outcomes';
import type { Measure } from '../content/rubric-schema';

export type CriterionScore = {
	id: string;
	label: string;
	weight: number;
	measure: Measure;
	/** 0–100, or null when the criterion never came up (it then leaves the denominator). */
	score: number | null;
	applicable: boolean;
};

export type CriticalFailure = {
	criterionId: string;
	scope: 'section' | 'all';
	turn: number;
	nodeId: string;
	message: string;
};

/** One decision in the debrief: what was chosen, what the best option was, and why. */
export type TurnReview = {
	index: number;
	nodeId: string;
	chosenOptionId: string;
	chosenText: string;
	bestOptionId: string;
	bestText: string;
	wasBest: boolean;
	rationale?: string;
	bestRationale?: string;
	evidence: Evidence;
};

export type ScoreResult = {
	total: number;
	passed: boolean;
	passMark: number;
	criteria: CriterionScore[];
	criticalFailures: CriticalFailure[];
	turns: TurnReview[];
	outcome: Outcome | null;
	elapsedSeconds: number;
	targetSeconds: number;
};
