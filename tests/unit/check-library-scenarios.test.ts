import { describe, expect, it } from 'vitest';
import { checkLibrary } from '$lib/content/check-library';
import { formatProblem } from '$lib/content/problem';
import {
	RUBRIC_PATH,
	SCENARIO_PATH,
	SCENARIO_YAML,
	baseLibrary,
	libraryWith,
	positionOf,
	replaceOnce
} from '../factories/content-fixtures';

const problemsAfter = (edit: (text: string) => string) => {
	const files = libraryWith(SCENARIO_PATH, edit);
	const text = files.find((f) => f.path === SCENARIO_PATH)!.text;
	// Only the scenario's own problems: tracks naming a skipped scenario are tested separately.
	const problems = checkLibrary(files).problems.filter((p) => p.path === SCENARIO_PATH);
	return { text, problems: problems.map(formatProblem) };
};

const at = (text: string, needle: string, after = '') => `${SCENARIO_PATH}:${positionOf(text, needle, after)}`;

describe('checkLibrary on scenarios', () => {
	it('loads the valid fixture library without problems', () => {
		const library = checkLibrary(baseLibrary());
		expect(library.problems).toEqual([]);
		expect(library.scenarios.map((s) => s.id)).toEqual(['basic']);
		expect(library.rubrics.map((r) => r.id)).toEqual(['basic']);
		expect(library.tracks.map((t) => t.id)).toEqual(['basic-track']);
	});

	it('reports a jump to a node that does not exist', () => {
		const { text, problems } = problemsAfter(replaceOnce('        go: done\n', '        go: finished\n'));
		expect(problems).toContain(`${at(text, 'finished')}: no node called "finished"`);
	});

	it('reports a start node that does not exist', () => {
		const { text, problems } = problemsAfter(replaceOnce('nodes:\n', 'start: hello\nnodes:\n'));
		expect(problems).toContain(`${at(text, 'hello')}: start names node "hello", which does not exist`);
	});

	it('reports a node nobody can reach', () => {
		const { text, problems } = problemsAfter((t) => `${t}  orphan:\n    outcome: resolved\n`);
		expect(problems).toEqual([`${at(text, 'orphan')}: node "orphan" cannot be reached from the start node "greet"`]);
	});

	it('reports a decision from which no ending can be reached', () => {
		const loop = replaceOnce('      - id: rush\n        text: Sure thing.\n        evidence: { care: 2 }\n        go: refund\n',
			'      - id: rush\n        text: Sure thing.\n        evidence: { care: 2 }\n        go: stall\n')
		const { text, problems } = problemsAfter((t) =>
			`${loop(t)}  stall:\n    customer: Hm?\n    options:\n      - id: again\n        text: One moment.\n        go: stall\n`
		);
		expect(problems).toEqual([`${at(text, 'stall:')}: from node "stall" there is no way to reach an ending`]);
	});

	it('reports an ending without an outcome', () => {
		const { text, problems } = problemsAfter(replaceOnce('    customer: Thanks.\n    outcome: resolved\n', '    customer: Thanks.\n'));
		expect(problems).toContain(`${at(text, 'done:')}: node "done" has no options and no outcome: add options, or give this ending an outcome`);
	});

	it('reports a node that is both a decision and an ending', () => {
		const { text, problems } = problemsAfter(replaceOnce('    customer: So?\n', '    customer: So?\n    outcome: resolved\n'));
		expect(problems).toContain(`${at(text, 'refund:')}: node "refund" has both options and an outcome: a node is either a decision or an ending`);
	});

	it('reports evidence for a criterion the rubric lacks', () => {
		const { text, problems } = problemsAfter(replaceOnce('evidence: { care: 2 }\n        go: refund', 'evidence: { kindness: 2 }\n        go: refund'));
		expect(problems).toEqual([`${at(text, 'kindness')}: rubric "basic" has no criterion "kindness"`]);
	});

	it('reports evidence above the top level of a criterion', () => {
		const { text, problems } = problemsAfter(replaceOnce('evidence: { care: 2 }\n        go: refund', 'evidence: { care: 4 }\n        go: refund'));
		expect(problems).toEqual([`${at(text, '4 }')}: "care" has levels 0 to 2; 4 is too high`]);
	});

	it('reports fail on a criterion that is not critical', () => {
		const { text, problems } = problemsAfter(replaceOnce('evidence: { care: 2 }\n        go: refund', 'evidence: { care: fail }\n        go: refund'));
		expect(problems).toEqual([`${at(text, 'fail }', 'care: fail')}: "care" is not a critical criterion, so it cannot fail; use 0`]);
	});

	it('reports evidence for a criterion scored from the ending', () => {
		const { text, problems } = problemsAfter(replaceOnce('evidence: { care: 2 }\n        go: refund', 'evidence: { resolution: 1 }\n        go: refund'));
		expect(problems).toEqual([`${at(text, 'resolution: 1')}: "resolution" is scored from the ending (resolution), not from evidence`]);
	});

	it('reports a flag that no option ever sets', () => {
		const { text, problems } = problemsAfter(replaceOnce('requires: verified', 'requires: verifed'));
		expect(problems).toEqual([`${at(text, 'verifed')}: flag "verifed" is never set by any option (set it with effects: set:)`]);
	});

	it('reports a fact that is not declared', () => {
		const { text, problems } = problemsAfter(replaceOnce('reveal: overcharged', 'reveal: [overcharge]'));
		expect(problems).toEqual([`${at(text, 'overcharge]')}: no fact called "overcharge" in facts:`]);
	});

	it('reports a CRM field that does not exist', () => {
		const { text, problems } = problemsAfter(replaceOnce('update: { Balance: $0.00 }', 'update: { Ballance: $0.00 }'));
		expect(problems).toEqual([`${at(text, 'Ballance')}: the CRM record has no field "Ballance"`]);
	});

	it('reports an option id used twice in a node', () => {
		const { text, problems } = problemsAfter(replaceOnce('- id: rush', '- id: verify'));
		expect(problems).toEqual([`${at(text, 'verify', 'evidence: { safety: 2')}: option id "verify" is used twice in node "greet"`]);
	});

	it('reports a family that does not match the folder', () => {
		const { text, problems } = problemsAfter(replaceOnce('family: difficult-customer', 'family: leadership'));
		expect(problems).toEqual([`${at(text, 'leadership')}: family is "leadership" but the file is in the "difficult-customer" folder`]);
	});

	it('reports an unknown rubric', () => {
		const { text, problems } = problemsAfter(replaceOnce('rubric: basic', 'rubric: premium'));
		expect(problems).toContain(`${at(text, 'premium')}: no rubric with id "premium"`);
	});

	it('reports a scenario whose best path cannot pass', () => {
		// Resolving only half-counts now, so even the best play scores below the pass mark.
		const { text, problems } = problemsAfter(replaceOnce('    outcome: resolved\n', '    outcome: resolved\n    resolution: 10\n'));
		expect(problems).toEqual([
			`${at(text, 'done:')}: choosing the best option at every turn ends at "done" (resolved) and cannot pass: 56.5, below the pass mark of 80`
		]);
	});

	it('reports a best path that gets stuck when no option is offered', () => {
		const { text, problems } = problemsAfter(replaceOnce('        action: change-account\n', '        action: change-account\n        only_if: { mood_below: 2 }\n'));
		expect(problems).toEqual([`${at(text, 'refund:')}: the best path gets stuck at node "refund": no option is offered there in that state`]);
	});

	it('reports a duplicate scenario id on the later file and keeps the first', () => {
		const files = [...baseLibrary(), { path: 'content/scenarios/difficult-customer/copy.yaml', text: SCENARIO_YAML }];
		const library = checkLibrary(files);
		expect(library.problems.map(formatProblem)).toEqual([
			`content/scenarios/difficult-customer/copy.yaml:1:5: scenario id "basic" is already used by ${SCENARIO_PATH}`
		]);
		expect(library.scenarios).toHaveLength(1);
	});

	it('skips an invalid scenario and still loads the rest', () => {
		const broken = { path: 'content/scenarios/difficult-customer/broken.yaml', text: 'id: broken\ntitle: [\n' };
		const library = checkLibrary([...baseLibrary(), broken]);
		expect(library.problems.every((p) => p.path === broken.path)).toBe(true);
		expect(library.problems.length).toBeGreaterThan(0);
		expect(library.scenarios.map((s) => s.id)).toEqual(['basic']);
		expect(library.tracks).toHaveLength(1);
	});

	it('skips scenarios whose rubric has errors, saying why', () => {
		const files = libraryWith(RUBRIC_PATH, replaceOnce('weight: 40', 'weight: 45'));
		const problems = checkLibrary(files).problems.map(formatProblem);
		expect(problems).toContain(`${SCENARIO_PATH}:6:9: rubric "basic" has errors and was skipped`);
	});

	it('lists every problem in a file, sorted by line', () => {
		const files = libraryWith(SCENARIO_PATH, (t) => replaceOnce('difficulty: 1', 'difficulty: 9')(replaceOnce('mood: 5', 'mood: 11')(t)));
		const problems = checkLibrary(files).problems.filter((p) => p.path === SCENARIO_PATH);
		expect(problems).toHaveLength(2);
		expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => a - b));
		expect(problems.every((p) => p.severity === 'error')).toBe(true);
	});
});
