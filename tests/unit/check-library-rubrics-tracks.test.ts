import { describe, expect, it } from 'vitest';
import { checkLibrary } from '$lib/content/check-library';
import { formatProblem } from '$lib/content/problem';
import {
	RUBRIC_PATH,
	SCENARIO_PATH,
	TRACK_PATH,
	TRACK_YAML,
	baseLibrary,
	libraryWith,
	positionOf,
	replaceOnce
} from '../factories/content-fixtures';

const problemsIn = (path: string, edit: (text: string) => string) => {
	const files = libraryWith(path, edit);
	const text = files.find((f) => f.path === path)!.text;
	const problems = checkLibrary(files).problems.filter((p) => p.path === path).map(formatProblem);
	return { text, problems, at: (needle: string, after = '') => `${path}:${positionOf(text, needle, after)}` };
};

describe('checkLibrary on rubrics', () => {
	it('reports weights that do not add up to 100', () => {
		const { problems, at } = problemsIn(RUBRIC_PATH, replaceOnce('weight: 40', 'weight: 35'));
		expect(problems).toEqual([`${at('criteria')}: criteria weights add up to 95; they must add up to 100`]);
	});

	it('reports a criterion id used twice', () => {
		const { problems, at } = problemsIn(RUBRIC_PATH, replaceOnce('- id: care', '- id: safety'));
		expect(problems).toEqual([`${at('safety', 'On time')}: criterion id "safety" is used twice in this rubric`]);
	});

	it('reports gaps in the level descriptors', () => {
		const { problems, at } = problemsIn(RUBRIC_PATH, replaceOnce('      1: Polite\n', ''));
		expect(problems).toEqual([`${at('levels', 'Acknowledges')}: levels must run from 0 to 2 without gaps; missing 1`]);
	});

	it('refuses a critical flag on a criterion scored from the ending', () => {
		const { problems, at } = problemsIn(RUBRIC_PATH, replaceOnce('    measure: resolution\n', '    measure: resolution\n    critical: all\n'));
		expect(problems).toEqual([`${at('all', 'measure: resolution')}: only evidence criteria can be critical: a breach must point at the turn that caused it`]);
	});

	it('reports two criteria measuring the same outcome', () => {
		const { problems, at } = problemsIn(RUBRIC_PATH, replaceOnce('    weight: 30\n    levels:', '    weight: 30\n    measure: resolution\n    levels:'));
		expect(problems).toEqual([`${at('resolution', 'description: How it ended')}: only one criterion may measure resolution`]);
	});

	it('reports a level number outside 0 to 5', () => {
		const { problems, at } = problemsIn(RUBRIC_PATH, replaceOnce('      2: Warm\n', '      7: Warm\n'));
		expect(problems).toEqual([`${at('7: Warm')}: criteria[1].levels.7: levels are numbered 0 to 5`]);
	});
});

describe('checkLibrary on tracks', () => {
	const withRequirement = (yaml: string) => (text: string) => `${text}${yaml}`;

	it('reports a scenario that does not exist', () => {
		const { problems, at } = problemsIn(TRACK_PATH, replaceOnce('scenarios: [basic]', 'scenarios: [basic, advanced]'));
		expect(problems).toEqual([`${at('advanced')}: no scenario with id "advanced"`]);
	});

	it('says when a named scenario exists but was skipped for errors', () => {
		const files = libraryWith(SCENARIO_PATH, replaceOnce('go: done', 'go: nowhere'));
		const problems = checkLibrary(files).problems.filter((p) => p.path === TRACK_PATH).map(formatProblem);
		expect(problems).toEqual([`${TRACK_PATH}:${positionOf(TRACK_YAML, 'basic]')}: scenario "basic" has errors and was skipped`]);
	});

	it('reports a family requirement the library cannot satisfy', () => {
		const { problems, at } = problemsIn(TRACK_PATH, withRequirement(
			'  - id: many\n    kind: family\n    family: difficult-customer\n    count: 2\n'
		));
		expect(problems).toEqual([`${at('2', 'count:')}: asks for 2 difficult-customer scenarios at difficulty 1+, but the library has 1`]);
	});

	it('reports a family requirement above the available difficulty', () => {
		const { problems } = problemsIn(TRACK_PATH, withRequirement('  - id: hard\n    kind: family\n    family: difficult-customer\n    min_difficulty: 4\n'));
		expect(problems[0]).toMatch(/difficulty 4\+, but the library has 0$/);
	});

	it('reports a proficiency requirement on an unknown criterion', () => {
		const { problems, at } = problemsIn(TRACK_PATH, withRequirement(
			'  - id: kind\n    kind: proficiency\n    rubric: basic\n    criterion: kindness\n    min_level: 2\n'
		));
		expect(problems).toEqual([`${at('kindness')}: rubric "basic" has no criterion "kindness"`]);
	});

	it('reports a proficiency level above the criterion scale', () => {
		const { problems, at } = problemsIn(TRACK_PATH, withRequirement(
			'  - id: kind\n    kind: proficiency\n    rubric: basic\n    criterion: care\n    min_level: 4\n'
		));
		expect(problems).toEqual([`${at('4', 'min_level')}: "care" only goes up to level 2`]);
	});

	it('reports a calibration recording that is not a walk through the scenario', () => {
		const { problems, at } = problemsIn(TRACK_PATH, withRequirement(
			'  - id: calibrate\n    kind: calibration\n    scenario: basic\n    recording: [rush, verify]\n'
		));
		expect(problems).toEqual([`${at('verify')}: option "verify" is not on offer at node "refund" in scenario "basic"`]);
	});

	it('reports a calibration recording that stops before the contact ends', () => {
		const { problems, at } = problemsIn(TRACK_PATH, withRequirement(
			'  - id: calibrate\n    kind: calibration\n    scenario: basic\n    recording: [rush]\n'
		));
		expect(problems).toEqual([`${at('[rush]')}: the recording stops at node "refund" before the contact ends`]);
	});

	it('accepts a complete calibration recording', () => {
		const { problems } = problemsIn(TRACK_PATH, withRequirement(
			'  - id: calibrate\n    kind: calibration\n    scenario: basic\n    recording: [rush, give-refund]\n    tolerance: 5\n'
		));
		expect(problems).toEqual([]);
	});

	it("reports an expert score for a criterion the scenario's rubric does not have", () => {
		const { problems, at } = problemsIn(TRACK_PATH, withRequirement(
			'  - id: calibrate\n    kind: calibration\n    scenario: basic\n    recording: [rush, give-refund]\n    expert_scores: { care: 80, kindness: 70 }\n'
		));
		expect(problems).toEqual([`${at('70')}: rubric "basic" of scenario "basic" has no criterion "kindness"`]);
	});

	it('reports an unknown requirement kind', () => {
		const { problems, at } = problemsIn(TRACK_PATH, replaceOnce('kind: scenarios', 'kind: quiz'));
		expect(problems).toEqual([`${at('quiz')}: requirements[0].kind: kind must be one of: scenarios, family, proficiency, calibration`]);
	});

	it('reports unknown and circular prerequisites', () => {
		const second = { path: 'content/tracks/second.yaml', text: TRACK_YAML.replace('id: basic-track', 'id: second-track').replace('level: 1', 'level: 2\nprerequisites: [basic-track]') };
		const files = [...libraryWith(TRACK_PATH, replaceOnce('level: 1', 'level: 1\nprerequisites: [second-track, ghost-track]')), second];
		const problems = checkLibrary(files).problems.map(formatProblem);
		expect(problems).toContain(`${TRACK_PATH}:4:17: "second-track" already requires "basic-track": prerequisites go round in a circle`);
		expect(problems).toContain(`${TRACK_PATH}:4:31: no track with id "ghost-track"`);
	});

	it('skips a track whose prerequisite was skipped', () => {
		const second = { path: 'content/tracks/second.yaml', text: TRACK_YAML.replace('id: basic-track', 'id: second-track').replace('level: 1', 'level: 2\nprerequisites: [basic-track]') };
		const files = [...libraryWith(TRACK_PATH, replaceOnce('scenarios: [basic]', 'scenarios: [ghost]')), second];
		const library = checkLibrary(files);
		expect(library.tracks).toEqual([]);
		expect(library.problems.map(formatProblem)).toContain('content/tracks/second.yaml:4:17: track "basic-track" has errors and was skipped');
	});

	it('fills in track defaults for retakes and expiry', () => {
		const [track] = checkLibrary(baseLibrary()).tracks;
		expect(track.valid_for_months).toBe(24);
		expect(track.retakes).toEqual({ max_failed: 3, window_days: 30, cool_down_days: 7 });
		expect(track.requirements[0]).toMatchObject({ kind: 'scenarios', min_score: 80 });
	});
});
