import type { Family } from '../content/common-schema';

/**
 * What the evaluator knows about one finished attempt: enough to judge every requirement kind,
 * read from the score stored when the attempt ended, never replayed.
 */
export interface AttemptRecord {
	id: string;
	scenarioId: string;
	family: Family;
	difficulty: number;
	rubricId: string;
	passed: boolean;
	/** 0–100. */
	score: number;
	/** Criterion id → 0–100, or null when the criterion did not come up. */
	criteria: Readonly<Record<string, number | null>>;
	criticalFailures: number;
	finishedAt: string;
}

/** One try at a QA-calibration exercise: the learner's score of a recording against the expert's. */
export interface CalibrationRecord {
	id: string;
	trackId: string;
	requirementId: string;
	submittedScore: number;
	expertScore: number;
	submittedAt: string;
	/** Scored criterion by criterion: whether every criterion was within 10 points of the expert. */
	criteriaAgree?: boolean;
}

/** An issued certification. `cycle` counts earnings of the same track: 1, then each recertification. */
export interface CertificateRecord {
	id: string;
	trackId: string;
	cycle: number;
	earnedAt: string;
	expiresAt: string;
	revokedAt: string | null;
	credentialId: string | null;
}

/** The top level of a rubric criterion's scale (levels run 0..max), or undefined when unknown. */
export type CriterionScale = (rubricId: string, criterionId: string) => number | undefined;
