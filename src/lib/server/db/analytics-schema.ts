/*
 * Tables of scenario analytics (issue 7); part of the one `Database` in schema.ts.
 *
 * Roll-ups, never raw events: each row counts the finished (passed, failed or abandoned)
 * non-play-test attempts of one scenario on one UTC day for one team bucket. `team_id` is a team's
 * id, '*' for everyone (each attempt once) or '-' for learners on no team; a learner on two teams
 * counts in both. Each count is kept per day (grain 'd', day YYYY-MM-DD) and per month (grain 'm',
 * day YYYY-MM), so a long period reads whole months. The transaction that ends an attempt adds
 * to them, so a page sums a few hundred rows whatever the number of attempts. Score sums are in hundredths of a point, so they add up exactly.
 */

export interface AnalyticsOutcomeTable {
	scenario_id: string;
	team_id: string;
	grain: string;
	day: string;
	attempts: number;
	passed: number;
	failed: number;
	abandoned: number;
	/** Attempts with a score (passed or failed), and the sum of their totals ×100. */
	scored: number;
	score_sum: number;
}

export interface AnalyticsCriterionTable {
	scenario_id: string;
	team_id: string;
	grain: string;
	day: string;
	criterion_id: string;
	/** Attempts in which the criterion came up, and the sum of its scores ×100. */
	scored: number;
	score_sum: number;
}

export interface AnalyticsChoiceTable {
	scenario_id: string;
	team_id: string;
	grain: string;
	day: string;
	node_id: string;
	option_id: string;
	chosen: number;
}

export interface AnalyticsNodeTable {
	scenario_id: string;
	team_id: string;
	grain: string;
	day: string;
	node_id: string;
	/** Attempts that got to this node (once each, however often they came back). */
	reached: number;
	/** Attempts abandoned while this node's turn was open. */
	abandoned: number;
	/** Failed attempts that ended at this node. */
	failed_here: number;
	/** Failed attempts that had passed through this node. */
	failed_after: number;
	/** Attempts with a critical failure at this node. */
	critical: number;
}

export interface AnalyticsCriticalTable {
	scenario_id: string;
	team_id: string;
	grain: string;
	day: string;
	criterion_id: string;
	/** Attempts with at least one critical failure of this criterion. */
	failures: number;
}

/**
 * How far each start-up back-fill got, one row each: 'scenario-analytics' (attempts; see
 * analytics-rebuild.ts) and 'criterion-windows' (learners; see criterion-windows.ts).
 */
export interface AnalyticsBackfillTable {
	id: string;
	/** The last attempt (or learner) id done; '' before the first page. */
	after_id: string;
	/** 1 once every page is in (or nothing was there to fill). */
	done: number;
	updated_at: string;
}

export interface AnalyticsTables {
	analytics_backfill: AnalyticsBackfillTable;
	analytics_outcome: AnalyticsOutcomeTable;
	analytics_criterion: AnalyticsCriterionTable;
	analytics_choice: AnalyticsChoiceTable;
	analytics_node: AnalyticsNodeTable;
	analytics_critical: AnalyticsCriticalTable;
}
