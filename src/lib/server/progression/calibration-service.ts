import type { Kysely } from 'kysely';
import type { RequirementProgress } from '../../certification/requirement-progress';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import type { Requirement, Track } from '../../content/track-schema';
import { buildDialogue } from '../../dialogue/build-dialogue';
import { walkThrough } from '../../dialogue/build-transcript';
import { chooseOption } from '../../dialogue/replay';
import { scoreAttempt } from '../../scoring/score-attempt';
import type { Actor } from '../access';
import { nowIso } from '../clock';
import { insertCalibration } from '../db/calibrations';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { evaluateProgression } from './evaluate-progression';

type Calibration = Extract<Requirement, { kind: 'calibration' }>;

export interface CalibrationExercise {
	track: { id: string; title: string };
	requirement: { id: string; title: string; tolerance: number };
	scenario: { title: string; personaName: string; channel: string };
	/** The recorded conversation, turn by turn. */
	turns: { customer: string; agent: string | null }[];
	rubric: { title: string; criteria: { id: string; label: string; weight: number; levels: [string, string][] }[] };
	progress: RequirementProgress;
}

async function loadExercise(db: Kysely<Database>, trackId: string, requirementId: string) {
	const [track] = await latestVersions<Track>(db, 'track', { status: 'published', id: trackId });
	const requirement = track?.definition.requirements.find((r): r is Calibration => r.id === requirementId && r.kind === 'calibration');
	if (!track || !requirement) return undefined;
	const [scenario] = await latestVersions<Scenario>(db, 'scenario', { status: 'published', id: requirement.scenario });
	const [rubric] = scenario ? await latestVersions<Rubric>(db, 'rubric', { status: 'published', id: scenario.definition.rubric }) : [];
	if (!scenario || !rubric) return undefined;
	const machine = buildDialogue(scenario.definition);
	const walk = walkThrough(scenario.definition, machine, {}, requirement.recording.map(chooseOption));
	// The expert's score is the track's, or else the engine's own scoring of the recording.
	const expertScore = requirement.expert_score ?? scoreAttempt(scenario.definition, rubric.definition, walk.snapshot.context).total;
	return { track: track.definition, requirement, scenario: scenario.definition, rubric: rubric.definition, walk, expertScore };
}

async function standing(db: Kysely<Database>, actor: Actor, trackId: string, requirementId: string) {
	const { evaluations } = await evaluateProgression(db, actor.id);
	return evaluations.find((e) => e.trackId === trackId)!.requirements.find((r) => r.id === requirementId)!;
}

/** A QA-calibration exercise: the recorded contact to score, the form to score it with, and where the learner stands. */
export async function calibrationExercise(db: Kysely<Database>, actor: Actor, trackId: string, requirementId: string): Promise<Result<CalibrationExercise>> {
	const found = await loadExercise(db, trackId, requirementId);
	if (!found) return failure('not-found', 'No such calibration exercise');
	const { track, requirement, scenario, rubric, walk } = found;
	return ok({
		track: { id: track.id, title: track.title },
		requirement: { id: requirement.id, title: requirement.title ?? 'Calibration', tolerance: requirement.tolerance },
		scenario: { title: scenario.title, personaName: scenario.persona.name, channel: scenario.channel },
		turns: walk.transcript.map((t) => ({ customer: t.customer, agent: t.choice?.text ?? null })),
		rubric: {
			title: rubric.title,
			criteria: rubric.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight, levels: Object.entries(c.levels) }))
		},
		progress: await standing(db, actor, trackId, requirementId)
	});
}

export interface CalibrationResult {
	within: boolean;
	/** Whether the learner scored above or below the expert. */
	direction: 'higher' | 'lower' | 'same';
	/** Revealed only once the learner is within tolerance, so it cannot simply be copied on a retry. */
	expertScore: number | null;
	progress: RequirementProgress;
}

/** Records the learner's score of the recording and re-evaluates their tracks. Refused while cooling down. */
export async function submitCalibration(
	db: Kysely<Database>,
	actor: Actor,
	trackId: string,
	requirementId: string,
	score: number
): Promise<Result<CalibrationResult>> {
	const found = await loadExercise(db, trackId, requirementId);
	if (!found) return failure('not-found', 'No such calibration exercise');
	const before = await standing(db, actor, trackId, requirementId);
	if (before.coolingDownUntil) return failure('conflict', `Too many tries: this exercise opens again on ${before.coolingDownUntil.slice(0, 10)}. Ask your team lead for coaching meanwhile.`);
	const difference = Math.round((score - found.expertScore) * 10) / 10;
	await insertCalibration(db, {
		userId: actor.id,
		trackId,
		requirementId,
		scenarioId: found.scenario.id,
		submittedScore: score,
		expertScore: found.expertScore,
		at: nowIso()
	});
	const within = Math.abs(difference) <= found.requirement.tolerance;
	const direction = difference > 0 ? 'higher' : difference < 0 ? 'lower' : 'same';
	return ok({ within, direction, expertScore: within ? found.expertScore : null, progress: await standing(db, actor, trackId, requirementId) });
}
