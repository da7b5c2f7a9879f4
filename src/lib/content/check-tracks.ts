import { transition } from 'xstate';
import { buildDialogue } from '../dialogue/build-dialogue';
import { chooseOption, replay } from '../dialogue/replay';
import { offeredOptions } from '../dialogue/resolve-choice';
import { problemAt, type Problem } from './problem';
import { maxLevel, type Rubric } from './rubric-schema';
import type { Scenario } from './scenario-schema';
import type { Track } from './track-schema';
import type { SourceLocator, YamlPath } from './yaml-positions';

export type TrackContext = {
	scenarios: ReadonlyMap<string, Scenario>;
	rubrics: ReadonlyMap<string, Rubric>;
	tracks: ReadonlyMap<string, Track>;
	/** Ids of files that exist but were skipped for errors, for a clearer message than "unknown". */
	skipped: ReadonlySet<string>;
};

/** A track may only point at scenarios, rubrics and tracks that loaded, and must be passable. */
export const checkTrack = (track: Track, library: TrackContext, locate: SourceLocator, path: string): Problem[] => {
	const problems: Problem[] = [];
	const report = (at: YamlPath, message: string) => problems.push(problemAt(path, locate(at), message));
	const missing = (kind: string, id: string) =>
		library.skipped.has(`${kind}:${id}`) ? `${kind} "${id}" has errors and was skipped` : `no ${kind} with id "${id}"`;

	track.prerequisites.forEach((id, i) => {
		if (id === track.id) report(['prerequisites', i], 'a track cannot be its own prerequisite');
		else if (!library.tracks.has(id)) report(['prerequisites', i], missing('track', id));
		else if (requires(library.tracks, id, track.id)) report(['prerequisites', i], `"${id}" already requires "${track.id}": prerequisites go round in a circle`);
	});

	const seen = new Set<string>();
	track.requirements.forEach((req, i) => {
		const at = ['requirements', i];
		if (seen.has(req.id)) report([...at, 'id'], `requirement id "${req.id}" is used twice in this track`);
		seen.add(req.id);
		if (req.kind === 'scenarios') {
			req.scenarios.forEach((id, k) => {
				if (!library.scenarios.has(id)) report([...at, 'scenarios', k], missing('scenario', id));
			});
		} else if (req.kind === 'family') {
			const available = [...library.scenarios.values()].filter((s) => s.family === req.family && s.difficulty >= req.min_difficulty);
			if (available.length < req.count)
				report([...at, 'count'], `asks for ${req.count} ${req.family} scenarios at difficulty ${req.min_difficulty}+, but the library has ${available.length}`);
		} else if (req.kind === 'proficiency') {
			const rubric = library.rubrics.get(req.rubric);
			const criterion = rubric?.criteria.find((c) => c.id === req.criterion);
			if (!rubric) report([...at, 'rubric'], missing('rubric', req.rubric));
			else if (!criterion) report([...at, 'criterion'], `rubric "${req.rubric}" has no criterion "${req.criterion}"`);
			else if (req.min_level > maxLevel(criterion)) report([...at, 'min_level'], `"${req.criterion}" only goes up to level ${maxLevel(criterion)}`);
		} else {
			const scenario = library.scenarios.get(req.scenario);
			if (!scenario) report([...at, 'scenario'], missing('scenario', req.scenario));
			else problems.push(...checkRecording(scenario, req.recording, [...at, 'recording'], locate, path));
			const rubric = scenario && library.rubrics.get(scenario.rubric);
			for (const criterion of Object.keys(req.expert_scores ?? {})) {
				if (rubric && !rubric.criteria.some((c) => c.id === criterion))
					report([...at, 'expert_scores', criterion], `rubric "${rubric.id}" of scenario "${scenario.id}" has no criterion "${criterion}"`);
			}
		}
	});
	return problems;
};

/** True when `from` needs `target`, directly or through other prerequisites. */
const requires = (tracks: ReadonlyMap<string, Track>, from: string, target: string, seen = new Set<string>()): boolean => {
	if (seen.has(from)) return false;
	seen.add(from);
	const prerequisites = tracks.get(from)?.prerequisites ?? [];
	return prerequisites.includes(target) || prerequisites.some((id) => requires(tracks, id, target, seen));
};

/** A calibration recording must be a real walk through its scenario, ending the contact. */
const checkRecording = (scenario: Scenario, recording: string[], at: YamlPath, locate: SourceLocator, path: string): Problem[] => {
	const machine = buildDialogue(scenario);
	let snapshot = replay(machine, {}, []);
	for (const [k, optionId] of recording.entries()) {
		const { nodeId } = snapshot.context;
		const offered = snapshot.status === 'active' && offeredOptions(scenario.nodes[nodeId], snapshot.context).some((o) => o.id === optionId);
		if (!offered) {
			const where = snapshot.status === 'active' ? `at node "${nodeId}"` : `after the contact ended at "${nodeId}"`;
			return [problemAt(path, locate([...at, k]), `option "${optionId}" is not on offer ${where} in scenario "${scenario.id}"`)];
		}
		snapshot = transition(machine, snapshot, chooseOption(optionId))[0];
	}
	if (snapshot.status !== 'done')
		return [problemAt(path, locate(at), `the recording stops at node "${snapshot.context.nodeId}" before the contact ends`)];
	return [];
};
