/*
 * The per-criterion roll-up of finished attempts (issue 9); part of the one `Database` in schema.ts.
 *
 * One row per criterion of every attempt with a stored score, written in the transaction that
 * stores (or overrides) that score. Pages that only need criterion scores (the team heatmap, the
 * progress page) read these narrow rows instead of parsing each attempt's full score JSON.
 */

export interface AttemptCriterionScoreTable {
	attempt_id: string;
	user_id: string;
	scenario_id: string;
	criterion_id: string;
	/** Its place in the score's criteria (the rubric's order), so readers see them in that order. */
	position: number;
	/** The criterion's label as scored, so the heatmap needs no rubric lookup. */
	label: string;
	/** 0–100; null when the criterion never came up or did not apply (it then counts nowhere). */
	score: number | null;
	/** Critical failures breached on this criterion; an attempt's add up to its score's. */
	critical_failures: number;
	finished_at: string;
}

/**
 * Each learner's heatmap window: their newest scored attempts (not play-tests) with criterion
 * scores, as JSON `WindowAttempt[]`, written with the criterion rows it is made from.
 */
export interface CriterionWindowTable {
	user_id: string;
	/** Null only inside the transaction that has just locked a new row and is building it. */
	attempts: string | null;
	updated_at: string;
}

export interface AttemptCriteriaTables {
	attempt_criterion_score: AttemptCriterionScoreTable;
	criterion_window: CriterionWindowTable;
}
