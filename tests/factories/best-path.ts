import { checkLibrary, type Library } from '../../src/lib/content/check-library';
import type { Track } from '../../src/lib/content/track-schema';
import { buildDialogue } from '../../src/lib/dialogue/build-dialogue';
import { walkThrough } from '../../src/lib/dialogue/build-transcript';
import { chooseOption } from '../../src/lib/dialogue/replay';
import { followBestPath } from '../../src/lib/scoring/follow-best-path';
import { scoreAttempt } from '../../src/lib/scoring/score-attempt';
import { readContentFiles } from '../../src/lib/server/content/read-content-files';

let library: Promise<Library> | undefined;

/** The shipped content library, read once: the servers under test load the same folder. */
export const shippedLibrary = () => (library ??= readContentFiles(['content']).then(checkLibrary));

/** The best reply at every turn of a scenario, as option ids and the texts a learner clicks. */
export async function bestReplies(scenarioId: string): Promise<{ id: string; text: string }[]> {
	const lib = await shippedLibrary();
	const scenario = lib.scenarios.find((s) => s.id === scenarioId);
	if (!scenario) throw new Error(`no scenario ${scenarioId} in content/`);
	const rubric = lib.rubrics.find((r) => r.id === scenario.rubric)!;
	const machine = buildDialogue(scenario);
	const { events } = followBestPath(scenario, rubric, {}, machine);
	return walkThrough(scenario, machine, {}, events).transcript.flatMap((t) => (t.choice ? [{ id: t.choice.id, text: t.choice.text }] : []));
}

/** The expert score of a track's calibration exercise, as the server computes it. */
export async function expertScoreOf(trackId: string, requirementId: string): Promise<number> {
	const lib = await shippedLibrary();
	const track = lib.tracks.find((t) => t.id === trackId) as Track;
	const req = track.requirements.find((r) => r.id === requirementId);
	if (req?.kind !== 'calibration') throw new Error(`${trackId}/${requirementId} is not a calibration`);
	if (req.expert_score !== undefined) return req.expert_score;
	const scenario = lib.scenarios.find((s) => s.id === req.scenario)!;
	const rubric = lib.rubrics.find((r) => r.id === scenario.rubric)!;
	const machine = buildDialogue(scenario);
	return scoreAttempt(scenario, rubric, walkThrough(scenario, machine, {}, req.recording.map(chooseOption)).snapshot.context).total;
}
