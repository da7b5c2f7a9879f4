import { describe, expect, it } from 'vitest';
import { MAX_CONTENT_FILE_BYTES } from '$lib/content/content-limits';
import { kindOfPath, parseContentFile } from '$lib/content/parse-content-file';
import { formatProblem } from '$lib/content/problem';
import { RUBRIC_YAML, SCENARIO_PATH, SCENARIO_YAML, positionOf, replaceOnce } from '../factories/content-fixtures';

const problemsFor = (path: string, text: string) => parseContentFile({ path, text }).problems.map(formatProblem);

describe('parseContentFile', () => {
	it('parses a valid scenario and applies defaults', () => {
		const { parsed, problems } = parseContentFile({ path: SCENARIO_PATH, text: SCENARIO_YAML });
		expect(problems).toEqual([]);
		expect(parsed?.kind).toBe('scenario');
		if (parsed?.kind !== 'scenario') return;
		expect(parsed.value.version).toBe(1);
		expect(parsed.value.start).toBe('greet');
		expect(parsed.value.target_handle_time).toBe(120);
		expect(parsed.value.nodes.greet.options?.[1].action).toBe('say');
		expect(parsed.value.nodes.greet.options?.[0].seconds).toBe(60);
		expect(parsed.value.nodes['hung-up'].outcome).toBe('customer-hung-up');
	});

	it('reports a YAML syntax error at its line and column', () => {
		const text = 'id: basic\ntitle: [unclosed\nfamily: leadership\n';
		expect(problemsFor(SCENARIO_PATH, text)[0]).toMatch(/^content\/scenarios\/difficult-customer\/basic\.yaml:\d+:\d+: YAML syntax: /);
	});

	it('reports a duplicate key at the second occurrence', () => {
		const text = 'id: a\ntitle: One\ntitle: Two\n';
		expect(problemsFor(SCENARIO_PATH, text)).toEqual([
			`${SCENARIO_PATH}:3:1: this key appears twice in the same block; keys must be unique`
		]);
	});

	it('reports an unknown key at the key itself', () => {
		const text = replaceOnce('  mood: 5\n', '  mood: 5\n  colour: blue\n')(SCENARIO_YAML);
		expect(problemsFor(SCENARIO_PATH, text)).toEqual([`${SCENARIO_PATH}:${positionOf(text, 'colour')}: unknown key "colour" in persona`]);
	});

	it('reports a missing required key at the block that needs it', () => {
		const text = replaceOnce('  situation: Wants a refund.\n', '')(SCENARIO_YAML);
		expect(problemsFor(SCENARIO_PATH, text)).toEqual([`${SCENARIO_PATH}:${positionOf(text, 'persona')}: missing required key "situation" in persona`]);
	});

	it('reports a wrong type at the value', () => {
		const text = replaceOnce('difficulty: 1', 'difficulty: hard')(SCENARIO_YAML);
		expect(problemsFor(SCENARIO_PATH, text)).toEqual([`${SCENARIO_PATH}:5:13: difficulty: expected a number, found text "hard"`]);
	});

	it('reports a value outside the allowed list, naming the choices', () => {
		const text = replaceOnce('channel: chat', 'channel: fax')(SCENARIO_YAML);
		expect(problemsFor(SCENARIO_PATH, text)).toEqual([`${SCENARIO_PATH}:4:10: channel: "fax" is not allowed; use one of: voice, chat, email`]);
	});

	it('reports a deep problem inside a list of options', () => {
		const text = replaceOnce('action: change-account', 'action: refund')(SCENARIO_YAML);
		const [problem] = problemsFor(SCENARIO_PATH, text);
		expect(problem).toMatch(new RegExp(`^${SCENARIO_PATH}:${positionOf(text, 'refund', 'action: refund')}: nodes\\.refund\\.options\\[0\\]\\.action: "refund" is not allowed`));
	});

	it('rejects a duration it cannot read', () => {
		const text = replaceOnce('target_handle_time: 2m', 'target_handle_time: soon')(SCENARIO_YAML);
		expect(problemsFor(SCENARIO_PATH, text)).toEqual([
			`${SCENARIO_PATH}:7:21: target_handle_time: "soon" is not a duration: write it like 7m, 6m30s or 90s`
		]);
	});

	it('requires otherwise alongside requires', () => {
		const text = replaceOnce('        otherwise:\n          go: breach\n          evidence: { safety: fail }\n', '')(SCENARIO_YAML);
		const [problem] = problemsFor(SCENARIO_PATH, text);
		expect(problem).toBe(`${SCENARIO_PATH}:${positionOf(text, 'verified', 'requires:')}: nodes.refund.options[0].requires: requires needs an otherwise: say what happens when the flag is missing (use only_if to hide the option instead)`);
	});

	it('refuses a file over 256 KiB without parsing it', () => {
		const text = `id: big\n# ${'x'.repeat(MAX_CONTENT_FILE_BYTES)}\n`;
		expect(problemsFor(SCENARIO_PATH, text)).toEqual([
			`${SCENARIO_PATH}:1:1: file is 257 KiB; content files may be at most 256 KiB, so it was not read`
		]);
	});

	it('refuses a file the reader reported as too large', () => {
		const { problems } = parseContentFile({ path: SCENARIO_PATH, text: '', byteLength: 10 * 1024 * 1024 });
		expect(problems[0].message).toContain('file is 10240 KiB');
	});

	it('refuses a YAML alias bomb quickly and points at the first alias', () => {
		const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
		for (let i = 1; i < 12; i++) lines.push(`${'abcdefghijkl'[i]}: &${'abcdefghijkl'[i]} [${Array(9).fill(`*${'abcdefghijkl'[i - 1]}`).join(', ')}]`);
		const started = performance.now();
		const problems = problemsFor(SCENARIO_PATH, lines.join('\n'));
		expect(performance.now() - started).toBeLessThan(500);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/:2:\d+: too many YAML aliases .* alias bomb/);
	});

	it('requires a mapping at the top of the file', () => {
		expect(problemsFor(SCENARIO_PATH, '- just\n- a list\n')).toEqual([
			`${SCENARIO_PATH}:1:1: a scenario file must be a set of key: value lines, starting with id:`
		]);
	});

	it('reports a file outside the known folders', () => {
		expect(problemsFor('content/misc/notes.yaml', 'id: x\n')[0]).toContain('cannot tell what this file is');
	});

	it('parses a valid rubric with the default pass mark', () => {
		const { parsed } = parseContentFile({ path: 'content/rubrics/basic.yaml', text: RUBRIC_YAML });
		expect(parsed?.kind === 'rubric' && parsed.value.pass_mark).toBe(80);
	});
});

describe('kindOfPath', () => {
	it('tells the kind from the nearest content folder', () => {
		expect(kindOfPath('content/scenarios/leadership/a.yaml')).toBe('scenario');
		expect(kindOfPath('content/rubrics/a.yaml')).toBe('rubric');
		expect(kindOfPath('/tmp/x/tracks/a.yml')).toBe('track');
		expect(kindOfPath('content/a.yaml')).toBeUndefined();
	});
});
