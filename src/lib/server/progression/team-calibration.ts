import type { Kysely } from 'kysely';
import { FLAG_THRESHOLD, weightedTotal } from '../../certification/calibration-comparison';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import type { Requirement, Track } from '../../content/track-schema';
import type { Actor } from '../access';
import { latestScoresOf, namesOf } from '../db/calibration-scores';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { memberIdsOf } from '../db/teams';
import { recordingKeyOf } from './calibration-service';

export interface MemberCalibration {
	userId: string;
	name: string;
	submittedAt: string;
	totalGap: number;
	/** Criterion → how far from the expert (signed), in the exercise's criterion order. */
	gaps: { criterionId: string; gap: number; flagged: boolean }[];
}

export interface TeamCalibrationExercise {
	recordingKey: string;
	title: string;
	criteria: { id: string; label: string }[];
	members: MemberCalibration[];
}

type Calibration = Extract<Requirement, { kind: 'calibration' }>;

/** Names each recording by the calibration requirement that uses it and its rubric's criterion labels. */
async function recordingLabels(db: Kysely<Database>) {
	const [tracks, scenarios, rubrics] = await Promise.all([
		latestVersions<Track>(db, 'track', { status: 'published' }),
		latestVersions<Scenario>(db, 'scenario', { status: 'published' }),
		latestVersions<Rubric>(db, 'rubric', { status: 'published' })
	]);
	const labels = new Map<string, { title: string; weights: { id: string; label: string; weight: number }[] }>();
	for (const track of tracks) {
		for (const r of track.definition.requirements.filter((x): x is Calibration => x.kind === 'calibration')) {
			const key = recordingKeyOf(r);
			if (labels.has(key)) continue;
			const scenario = scenarios.find((s) => s.id === r.scenario)?.definition;
			const rubric = rubrics.find((x) => x.id === scenario?.rubric)?.definition;
			labels.set(key, { title: r.title ?? `${scenario?.title ?? r.scenario}: calibration`, weights: (rubric?.criteria ?? []).map((c) => ({ id: c.id, label: c.label, weight: c.weight })) });
		}
	}
	return labels;
}

/**
 * How far each person a lead coaches is from the expert on each calibration recording they
 * scored (their latest try), criterion by criterion. Admins see everyone's.
 */
export async function teamCalibration(db: Kysely<Database>, actor: Actor): Promise<TeamCalibrationExercise[]> {
	const people = actor.role === 'admin' ? 'everyone' : (await memberIdsOf(db, actor.teamIds)).filter((id) => id !== actor.id);
	const submissions = await latestScoresOf(db, people);
	if (submissions.length === 0) return [];
	const [names, labels] = await Promise.all([namesOf(db, [...new Set(submissions.map((s) => s.userId))]), recordingLabels(db)]);
	const byRecording = new Map<string, TeamCalibrationExercise>();
	for (const s of submissions) {
		const known = labels.get(s.recordingKey);
		const criteria = (known?.weights ?? Object.keys(s.expert).map((id) => ({ id, label: id, weight: 1 }))).filter((c) => c.id in s.expert);
		let exercise = byRecording.get(s.recordingKey);
		if (!exercise) {
			exercise = { recordingKey: s.recordingKey, title: known?.title ?? s.recordingKey, criteria: criteria.map(({ id, label }) => ({ id, label })), members: [] };
			byRecording.set(s.recordingKey, exercise);
		}
		exercise.members.push({
			userId: s.userId,
			name: names.get(s.userId) ?? 'Someone',
			submittedAt: s.submittedAt,
			totalGap: Math.round((weightedTotal(criteria, s.scores) - weightedTotal(criteria, s.expert)) * 10) / 10,
			gaps: criteria.map((c) => {
				const gap = s.scores[c.id] - s.expert[c.id];
				return { criterionId: c.id, gap, flagged: Math.abs(gap) > FLAG_THRESHOLD };
			})
		});
	}
	for (const e of byRecording.values()) e.members.sort((a, b) => a.name.localeCompare(b.name));
	return [...byRecording.values()].sort((a, b) => a.title.localeCompare(b.title));
}
