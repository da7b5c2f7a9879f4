/* Tables of per-criterion QA calibration (issue 8); part of the one `Database` in schema.ts. */
import type { Selectable } from 'kysely';

/**
 * One criterion of one calibration submission (calibration_submission keeps the totals). The
 * recording key names what was scored (scenario and recorded choices), so people who scored the
 * same recording from different tracks are each other's peers.
 */
export interface CalibrationCriterionScoreTable {
	submission_id: string;
	user_id: string;
	recording_key: string;
	criterion_id: string;
	/** 0–100, whole numbers. */
	score: number;
	expert_score: number;
	submitted_at: string;
}

export type CalibrationCriterionScoreRow = Selectable<CalibrationCriterionScoreTable>;

export interface CalibrationTables {
	calibration_criterion_score: CalibrationCriterionScoreTable;
}
