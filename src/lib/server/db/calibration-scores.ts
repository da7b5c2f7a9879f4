import type { Kysely } from 'kysely';
import type { CriterionScores } from '../../certification/calibration-comparison';
import type { CalibrationCriterionScoreRow } from './calibration-schema';
import type { Database } from './schema';

/** Per-criterion calibration scores: what peers and team leads compare. */

export interface CriterionScoreToStore {
	criterionId: string;
	score: number;
	expert: number;
}

export async function insertCriterionScores(
	db: Kysely<Database>,
	s: { submissionId: string; userId: string; recordingKey: string; at: string; scores: CriterionScoreToStore[] }
) {
	if (s.scores.length === 0) return;
	await db
		.insertInto('calibration_criterion_score')
		.values(
			s.scores.map((c) => ({
				submission_id: s.submissionId,
				user_id: s.userId,
				recording_key: s.recordingKey,
				criterion_id: c.criterionId,
				score: c.score,
				expert_score: c.expert,
				submitted_at: s.at
			}))
		)
		.execute();
}

export interface ScoredSubmission {
	submissionId: string;
	userId: string;
	recordingKey: string;
	submittedAt: string;
	scores: CriterionScores;
	expert: CriterionScores;
}

/** Rows grouped into submissions, newest first. */
const toSubmissions = (rows: CalibrationCriterionScoreRow[]): ScoredSubmission[] => {
	const bySubmission = new Map<string, ScoredSubmission>();
	for (const r of rows) {
		let s = bySubmission.get(r.submission_id);
		if (!s) {
			s = { submissionId: r.submission_id, userId: r.user_id, recordingKey: r.recording_key, submittedAt: r.submitted_at, scores: {}, expert: {} };
			bySubmission.set(r.submission_id, s);
		}
		(s.scores as Record<string, number>)[r.criterion_id] = Number(r.score);
		(s.expert as Record<string, number>)[r.criterion_id] = Number(r.expert_score);
	}
	return [...bySubmission.values()].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.submissionId.localeCompare(a.submissionId));
};

/** Each person's latest submission per recording, newest first. */
const latestPerPersonAndRecording = (submissions: ScoredSubmission[]) => {
	const seen = new Set<string>();
	return submissions.filter((s) => {
		const key = `${s.userId}\u0000${s.recordingKey}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
};

/** Everyone else's latest scoring of this recording: the peers. */
export async function latestPeerScores(db: Kysely<Database>, recordingKey: string, exceptUserId: string): Promise<ScoredSubmission[]> {
	const rows = await db
		.selectFrom('calibration_criterion_score')
		.selectAll()
		.where('recording_key', '=', recordingKey)
		.where('user_id', '!=', exceptUserId)
		.execute();
	return latestPerPersonAndRecording(toSubmissions(rows));
}

/** The latest submission per person and recording, for these people (a team lead's members), or everyone. */
export async function latestScoresOf(db: Kysely<Database>, userIds: string[] | 'everyone'): Promise<ScoredSubmission[]> {
	if (userIds !== 'everyone' && userIds.length === 0) return [];
	let query = db.selectFrom('calibration_criterion_score').selectAll();
	if (userIds !== 'everyone') query = query.where('user_id', 'in', userIds);
	return latestPerPersonAndRecording(toSubmissions(await query.execute()));
}

export async function namesOf(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string>> {
	if (userIds.length === 0) return new Map();
	const rows = await db.selectFrom('user').select(['id', 'name']).where('id', 'in', userIds).execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** Submissions by id, for the pass rule. */
export async function scoresOfSubmissions(db: Kysely<Database>, submissionIds: string[]): Promise<Map<string, { score: number; expert: number }[]>> {
	const found = new Map<string, { score: number; expert: number }[]>();
	if (submissionIds.length === 0) return found;
	const rows = await db
		.selectFrom('calibration_criterion_score')
		.select(['submission_id', 'score', 'expert_score'])
		.where('submission_id', 'in', submissionIds)
		.execute();
	for (const r of rows) found.set(r.submission_id, [...(found.get(r.submission_id) ?? []), { score: Number(r.score), expert: Number(r.expert_score) }]);
	return found;
}
