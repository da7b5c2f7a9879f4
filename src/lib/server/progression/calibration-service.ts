import type { Kysely } from 'kysely';
import { compareCalibration, FLAG_THRESHOLD, type CalibrationComparison, type CalibrationCriterion } from '../../certification/calibration-comparison';
import type { RequirementProgress } from '../../certification/requirement-progress';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import type { Requirement, Track } from '../../content/track-schema';
import { buildDialogue } from '../../dialogue/build-dialogue';
import { walkThrough } from '../../dialogue/build-transcript';
import { chooseOption } from '../../dialogue/replay';
import { scoreAttempt } from '../../scoring/score-attempt';
import type { Actor } from '../access';
import { newId, nowIso } from '../clock';
import { insertCriterionScores, latestPeerScores, latestScoresOf } from '../db/calibration-scores';
import { insertCalibration } from '../db/calibrations';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { evaluateProgression } from './evaluate-progression';

type Calibration = Extract<Requirement, { kind: 'calibration' }>;

export interface CalibrationExercise {
	track: { id: string; title: string };
	requirement: { id: string; title: string; tolerance: number; flagThreshold: number };
	scenario: { title: string; personaName: string; channel: string };
	/** The recorded conversation, turn by turn. */
	turns: { customer: string; agent: string | null }[];
	rubric: { title: string; criteria: { id: string; label: string; weight: number; levels: [string, string][] }[] };
	/** The rubric's criteria that came up in the recording: the ones to score. */
	toScore: string[];
	/** The evaluator's latest scoring of this recording against the expert and today's peers, if any. */
	latest: { submittedAt: string; comparison: CalibrationComparison } | null;
	progress: RequirementProgress;
}

/** Names what was scored, so people who scored the same recording from different tracks are peers. */
export const recordingKeyOf = (requirement: Calibration) => `${requirement.scenario}:${requirement.recording.join(',')}`;

async function loadExercise(db: Kysely<Database>, trackId: string, requirementId: string) {
	const [track] = await latestVersions<Track>(db, 'track', { status: 'published', id: trackId });
	const requirement = track?.definition.requirements.find((r): r is Calibration => r.id === requirementId && r.kind === 'calibration');
	if (!track || !requirement) return undefined;
	const [scenario] = await latestVersions<Scenario>(db, 'scenario', { status: 'published', id: requirement.scenario });
	const [rubric] = scenario ? await latestVersions<Rubric>(db, 'rubric', { status: 'published', id: scenario.definition.rubric }) : [];
	if (!scenario || !rubric) return undefined;
	const machine = buildDialogue(scenario.definition);
	const walk = walkThrough(scenario.definition, machine, {}, requirement.recording.map(chooseOption));
	// The expert's scores are the track's, or else the engine's own scoring of the recording.
	const engine = scoreAttempt(scenario.definition, rubric.definition, walk.snapshot.context);
	const expert: Record<string, number> = {};
	for (const c of engine.criteria) {
		const score = requirement.expert_scores?.[c.id] ?? c.score;
		// A criterion that never came up in the recording is not scored by anyone.
		if (score !== null && c.applicable) expert[c.id] = Math.round(score);
	}
	const criteria: CalibrationCriterion[] = rubric.definition.criteria.filter((c) => c.id in expert).map((c) => ({ id: c.id, label: c.label, weight: c.weight }));
	return { track: track.definition, requirement, scenario: scenario.definition, rubric: rubric.definition, walk, expert, criteria };
}

type Exercise = NonNullable<Awaited<ReturnType<typeof loadExercise>>>;

const compare = (found: Exercise, mine: Record<string, number>, peers: Record<string, number>[]) =>
	compareCalibration({ criteria: found.criteria, mine, expert: found.expert, expertTotal: found.requirement.expert_score, peers, tolerance: found.requirement.tolerance });

async function standing(db: Kysely<Database>, actor: Actor, trackId: string, requirementId: string) {
	const { evaluations } = await evaluateProgression(db, actor.id);
	return evaluations.find((e) => e.trackId === trackId)!.requirements.find((r) => r.id === requirementId)!;
}

/** A QA-calibration exercise: the recorded contact to score, the form to score it with, and where the evaluator stands. */
export async function calibrationExercise(db: Kysely<Database>, actor: Actor, trackId: string, requirementId: string): Promise<Result<CalibrationExercise>> {
	const found = await loadExercise(db, trackId, requirementId);
	if (!found) return failure('not-found', 'No such calibration exercise');
	const { track, requirement, scenario, rubric, walk, criteria } = found;
	const recordingKey = recordingKeyOf(requirement);
	const mine = (await latestScoresOf(db, [actor.id])).find((s) => s.recordingKey === recordingKey);
	const peers = mine ? await latestPeerScores(db, recordingKey, actor.id) : [];
	const latest = mine && criteria.every((c) => typeof mine.scores[c.id] === 'number')
		? { submittedAt: mine.submittedAt, comparison: compare(found, mine.scores, peers.map((p) => p.scores)) }
		: null;
	return ok({
		track: { id: track.id, title: track.title },
		requirement: { id: requirement.id, title: requirement.title ?? 'Calibration', tolerance: requirement.tolerance, flagThreshold: FLAG_THRESHOLD },
		scenario: { title: scenario.title, personaName: scenario.persona.name, channel: scenario.channel },
		turns: walk.transcript.map((t) => ({ customer: t.customer, agent: t.choice?.text ?? null })),
		rubric: {
			title: rubric.title,
			criteria: rubric.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight, levels: Object.entries(c.levels) }))
		},
		toScore: criteria.map((c) => c.id),
		latest,
		progress: await standing(db, actor, trackId, requirementId)
	});
}

export interface CalibrationResult {
	/** Passed: the total within tolerance of the expert's and no criterion more than 10 points off. */
	within: boolean;
	comparison: CalibrationComparison;
	progress: RequirementProgress;
}

/**
 * Records the evaluator's scores of the recording, criterion by criterion, compares them with the
 * expert's and the peers', and re-evaluates their tracks. Refused while cooling down.
 */
export async function submitCalibration(
	db: Kysely<Database>,
	actor: Actor,
	trackId: string,
	requirementId: string,
	scores: Record<string, number>
): Promise<Result<CalibrationResult>> {
	const found = await loadExercise(db, trackId, requirementId);
	if (!found) return failure('not-found', 'No such calibration exercise');
	const missing = found.criteria.filter((c) => typeof scores[c.id] !== 'number');
	if (missing.length) return failure('invalid', `Score every criterion: ${missing.map((c) => c.label).join(', ')}`);
	const before = await standing(db, actor, trackId, requirementId);
	if (before.coolingDownUntil) return failure('conflict', `Too many tries: this exercise opens again on ${before.coolingDownUntil.slice(0, 10)}. Ask your team lead for coaching meanwhile.`);
	const recordingKey = recordingKeyOf(found.requirement);
	const peers = await latestPeerScores(db, recordingKey, actor.id);
	const mine = Object.fromEntries(found.criteria.map((c) => [c.id, scores[c.id]]));
	const comparison = compare(found, mine, peers.map((p) => p.scores));
	const at = nowIso();
	await db.transaction().execute(async (trx) => {
		const submission = await insertCalibration(trx, {
			userId: actor.id,
			trackId,
			requirementId,
			scenarioId: found.scenario.id,
			// The stored total is whole, as the old single-score form was.
			submittedScore: Math.round(comparison.total.mine),
			expertScore: comparison.total.expert,
			at
		}, newId());
		await insertCriterionScores(trx, {
			submissionId: submission.id,
			userId: actor.id,
			recordingKey,
			at,
			scores: found.criteria.map((c) => ({ criterionId: c.id, score: mine[c.id], expert: found.expert[c.id] }))
		});
	});
	return ok({ within: comparison.agreed, comparison, progress: await standing(db, actor, trackId, requirementId) });
}
