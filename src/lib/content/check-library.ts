import type { Badge } from './badge-schema';
import { checkBadge } from './check-badges';
import { checkBestPath } from './check-best-path';
import { checkRubric } from './check-rubric';
import { checkScenarioGraph } from './check-scenario-graph';
import { checkScenarioReferences } from './check-scenario-references';
import { checkTrack, type TrackContext } from './check-tracks';
import type { ContentFile } from './content-limits';
import { parseContentFile, type ParsedFile } from './parse-content-file';
import { compareProblems, problemAt, type Problem } from './problem';
import type { Rubric } from './rubric-schema';
import type { Scenario } from './scenario-schema';
import type { Track } from './track-schema';

export type Library = { scenarios: Scenario[]; rubrics: Rubric[]; tracks: Track[]; badges: Badge[]; problems: Problem[] };

type Of<K extends ParsedFile['kind']> = Extract<ParsedFile, { kind: K }>;

/**
 * Validates a whole content library. Pure: files in, loaded content and problems out.
 * A file with any problem is reported and skipped; everything else still loads.
 * Order: rubrics, then the scenarios scored by them, then the tracks that name both, then badges.
 */
export const checkLibrary = (files: readonly ContentFile[]): Library => {
	const problems: Problem[] = [];
	const skipped = new Set<string>();
	const parsed: ParsedFile[] = [];
	for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
		const outcome = parseContentFile(file);
		problems.push(...outcome.problems);
		if (outcome.parsed) parsed.push(outcome.parsed);
	}

	// Keeps a file only when its own checks find nothing; remembers the id of any it drops.
	const accept = <T extends ParsedFile>(file: T, found: Problem[], into: Map<string, T>) => {
		problems.push(...found);
		if (found.length > 0) skipped.add(`${file.kind}:${file.value.id}`);
		else into.set(file.value.id, file);
	};

	const rubrics = new Map<string, Of<'rubric'>>();
	for (const file of unique(ofKind(parsed, 'rubric'), problems)) accept(file, checkRubric(file.value, file.locate, file.path), rubrics);

	const scenarios = new Map<string, Of<'scenario'>>();
	for (const file of unique(ofKind(parsed, 'scenario'), problems)) {
		const rubric = rubrics.get(file.value.rubric)?.value;
		const found = checkScenarioFile(file, rubric, skipped.has(`rubric:${file.value.rubric}`));
		accept(file, found, scenarios);
	}

	const trackFiles = unique(ofKind(parsed, 'track'), problems);
	const context: TrackContext = {
		scenarios: valuesOf(scenarios),
		rubrics: valuesOf(rubrics),
		tracks: new Map(trackFiles.map((f) => [f.value.id, f.value])),
		skipped
	};
	const tracks = new Map<string, Of<'track'>>();
	for (const file of trackFiles) accept(file, checkTrack(file.value, context, file.locate, file.path), tracks);
	dropTracksWithSkippedPrerequisites(tracks, skipped, problems);

	const badges = new Map<string, Of<'badge'>>();
	const badgeContext: TrackContext = { ...context, tracks: valuesOf(tracks) };
	for (const file of unique(ofKind(parsed, 'badge'), problems)) accept(file, checkBadge(file.value, badgeContext, file.locate, file.path), badges);

	return {
		scenarios: [...scenarios.values()].map((f) => f.value),
		rubrics: [...rubrics.values()].map((f) => f.value),
		tracks: [...tracks.values()].map((f) => f.value),
		badges: [...badges.values()].map((f) => f.value),
		problems: problems.sort(compareProblems)
	};
};

const checkScenarioFile = (file: Of<'scenario'>, rubric: Rubric | undefined, rubricSkipped: boolean): Problem[] => {
	const { value: scenario, locate, path } = file;
	const found: Problem[] = [];
	if (!rubric) {
		const why = rubricSkipped ? `rubric "${scenario.rubric}" has errors and was skipped` : `no rubric with id "${scenario.rubric}"`;
		found.push(problemAt(path, locate(['rubric']), why));
	}
	// The folder is the family trainers browse by; a mismatch would file the scenario in the wrong place.
	const folder = path.split(/[\\/]/).at(-2);
	if (folder && folder !== 'scenarios' && folder !== scenario.family)
		found.push(problemAt(path, locate(['family']), `family is "${scenario.family}" but the file is in the "${folder}" folder`));
	const writtenNodes = new Set(Object.keys((file.raw as { nodes?: object }).nodes ?? {}));
	found.push(...checkScenarioGraph(scenario, writtenNodes, locate, path), ...checkScenarioReferences(scenario, rubric, locate, path));
	// Playing the best path only makes sense once the graph and its references are sound.
	if (found.length === 0 && rubric) found.push(...checkBestPath(scenario, rubric, locate, path));
	return found;
};

/** A track whose prerequisite was skipped could never be started, so it is skipped too (repeatedly, down the ladder). */
const dropTracksWithSkippedPrerequisites = (tracks: Map<string, Of<'track'>>, skipped: Set<string>, problems: Problem[]) => {
	let changed = true;
	while (changed) {
		changed = false;
		for (const [id, file] of tracks) {
			const index = file.value.prerequisites.findIndex((p) => skipped.has(`track:${p}`));
			if (index === -1) continue;
			const prerequisite = file.value.prerequisites[index];
			problems.push(problemAt(file.path, file.locate(['prerequisites', index]), `track "${prerequisite}" has errors and was skipped`));
			tracks.delete(id);
			skipped.add(`track:${id}`);
			changed = true;
		}
	}
};

const ofKind = <K extends ParsedFile['kind']>(files: ParsedFile[], kind: K): Of<K>[] =>
	files.filter((f): f is Of<K> => f.kind === kind);

/** Ids must be unique per kind: the first file (by path) keeps the id, later ones are reported. */
const unique = <T extends ParsedFile>(files: T[], problems: Problem[]): T[] => {
	const first = new Map<string, string>();
	return files.filter((file) => {
		const earlier = first.get(file.value.id);
		if (earlier) problems.push(problemAt(file.path, file.locate(['id']), `${file.kind} id "${file.value.id}" is already used by ${earlier}`));
		else first.set(file.value.id, file.path);
		return !earlier;
	});
};

const valuesOf = <T extends ParsedFile>(files: Map<string, T>): Map<string, T['value']> =>
	new Map([...files].map(([id, f]) => [id, f.value]));
