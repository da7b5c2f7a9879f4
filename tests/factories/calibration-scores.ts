import type { Track } from '../../src/lib/content/track-schema';
import { buildDialogue } from '../../src/lib/dialogue/build-dialogue';
import { walkThrough } from '../../src/lib/dialogue/build-transcript';
import { chooseOption } from '../../src/lib/dialogue/replay';
import { scoreAttempt } from '../../src/lib/scoring/score-attempt';
import { shippedLibrary } from './best-path';

/** The expert's score per criterion of a calibration exercise, as the server computes it (criteria that came up only). */
export async function expertCriterionScoresOf(trackId: string, requirementId: string) {
	const lib = await shippedLibrary();
	const track = lib.tracks.find((t) => t.id === trackId) as Track;
	const req = track.requirements.find((r) => r.id === requirementId);
	if (req?.kind !== 'calibration') throw new Error(`${trackId}/${requirementId} is not a calibration`);
	const scenario = lib.scenarios.find((s) => s.id === req.scenario)!;
	const rubric = lib.rubrics.find((r) => r.id === scenario.rubric)!;
	const score = scoreAttempt(scenario, rubric, walkThrough(scenario, buildDialogue(scenario), {}, req.recording.map(chooseOption)).snapshot.context);
	return score.criteria.flatMap((c) => {
		const expert = req.expert_scores?.[c.id] ?? c.score;
		return expert === null || !c.applicable ? [] : [{ id: c.id, label: c.label, weight: c.weight, expert: Math.round(expert) }];
	});
}

/** A calibration form's fields: `score.<criterion>` for each criterion, moved by `shift` (per criterion) from the expert's. */
export const calibrationForm = (criteria: { id: string; expert: number }[], shift: (id: string) => number = () => 0) =>
	Object.fromEntries(criteria.map((c) => [`score.${c.id}`, String(Math.min(100, Math.max(0, c.expert + shift(c.id))))]));
