import type { Kysely } from 'kysely';
import { criteriaAgree } from '../../certification/calibration-comparison';
import type { CalibrationRecord } from '../../certification/records';
import { newId } from '../clock';
import { scoresOfSubmissions } from './calibration-scores';
import type { Database } from './schema';

export interface NewCalibration {
	userId: string;
	trackId: string;
	requirementId: string;
	scenarioId: string;
	submittedScore: number;
	expertScore: number;
	at: string;
}

export async function insertCalibration(db: Kysely<Database>, c: NewCalibration, id = newId()): Promise<CalibrationRecord> {
	await db
		.insertInto('calibration_submission')
		.values({
			id,
			user_id: c.userId,
			track_id: c.trackId,
			requirement_id: c.requirementId,
			scenario_id: c.scenarioId,
			submitted_score: c.submittedScore,
			expert_score: c.expertScore,
			submitted_at: c.at
		})
		.execute();
	return { id, trackId: c.trackId, requirementId: c.requirementId, submittedScore: c.submittedScore, expertScore: c.expertScore, submittedAt: c.at };
}

export async function listCalibrationsOf(db: Kysely<Database>, userId: string): Promise<CalibrationRecord[]> {
	const rows = await db.selectFrom('calibration_submission').selectAll().where('user_id', '=', userId).orderBy('submitted_at').execute();
	const criteria = await scoresOfSubmissions(db, rows.map((r) => r.id));
	return rows.map((r) => ({
		id: r.id,
		trackId: r.track_id,
		requirementId: r.requirement_id,
		submittedScore: Number(r.submitted_score),
		expertScore: Number(r.expert_score),
		submittedAt: r.submitted_at,
		// Total-only submissions (before per-criterion scoring) have no criteria to disagree on.
		criteriaAgree: criteria.has(r.id) ? criteriaAgree(criteria.get(r.id)!) : undefined
	}));
}
