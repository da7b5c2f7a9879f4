import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkLibrary } from '$lib/content/check-library';
import type { ContentFile } from '$lib/content/content-limits';
import { parseContentFile } from '$lib/content/parse-content-file';
import type { Problem } from '$lib/content/problem';

// Fuzzing the content parser: whatever a trainer (or an attacker) uploads ends in typed problems
// pointing at a line and column, never in an exception.

const filesUnder = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.yaml') ? [path] : [];
	});
const shipped: ContentFile[] = filesUnder('content').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const PATHS = ['content/scenarios/difficult-customer/fuzz.yaml', 'content/rubrics/fuzz.yaml', 'content/tracks/fuzz.yaml', 'content/badges/fuzz.yaml'];

const expectTyped = (problems: Problem[], path?: string) => {
	for (const p of problems) {
		if (path) expect(p.path).toBe(path);
		expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
		expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
		expect(typeof p.message).toBe('string');
		expect(p.message.length).toBeGreaterThan(0);
		expect(p.severity).toBe('error');
	}
};

/** Parses without throwing; a file that did not parse says why. */
const parsesSafely = (file: ContentFile) => {
	const outcome = parseContentFile(file);
	expectTyped(outcome.problems, file.path);
	if (!outcome.parsed) expect(outcome.problems.length).toBeGreaterThan(0);
	return outcome;
};

const YAML_PIECES = [
	'id: ', 'title: ', 'nodes:', 'options:', 'start: ', 'rubric: ', 'persona:', '  ', '    ', '- ', ':', '\n', '\n  ', '[', ']', '{', '}', ',',
	'&a ', '*a', '<<: *a', '!!str ', '!!binary ', '!custom ', '|', '>-', '"', "'", '#', '---\n', '...\n', '%YAML 1.2\n', '? ', '\t', '\\u0000',
	'~', 'null', 'true', 'no', '.inf', '-.inf', '.nan', '0x1F', '1e309', '-0', '99999999999999999999999', '1_000', '0o17', '2026-01-01',
	'\u0000', '\uFEFF', '\u202E', '💬', 'é', '__proto__: ', 'constructor: ', 'prototype: ', 'greet', 'next: ', 'text: ', 'score: '
];
const yamlish = fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

const ODD_VALUES = ['~', '[]', '{}', '1e309', '-1', '0', '99999999999999999999', '.nan', '"\\u0000"', '*nothing', '&x [*x]', '!!binary aGk=', '{__proto__: {polluted: 1}}', '"<script>x</script>"', "''", '[[[[[[[[]]]]]]]]', 'true'];

/** A small edit to a real file: the files trainers actually break are almost right. */
const mutation = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 8 })) }),
	fc.record({ kind: fc.constant('value' as const), at: fc.nat(), piece: fc.constantFrom(...ODD_VALUES) }),
	fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), piece: fc.constantFrom(' ', '\t', '   ') })
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const mutate = (text: string, m: Mutation): string => {
	const lines = text.split('\n');
	const line = m.at % Math.max(lines.length, 1);
	const at = m.at % (text.length + 1);
	switch (m.kind) {
		case 'delete':
			return text.slice(0, at) + text.slice(at + m.length);
		case 'insert':
			return text.slice(0, at) + m.piece + text.slice(at);
		case 'value':
			// Replaces whatever follows the first colon on a line with an odd value of another type.
			lines[line] = lines[line].includes(': ') ? lines[line].replace(/: .*/, `: ${m.piece}`) : lines[line];
			return lines.join('\n');
		case 'duplicateLine':
			lines.splice(line, 0, lines[line]);
			return lines.join('\n');
		case 'indent':
			lines[line] = m.piece + lines[line];
			return lines.join('\n');
	}
};

const RUNS = { numRuns: 200, seed: Number(process.env.FUZZ_SEED ?? 20261123) };

describe('fuzzing the content parser', () => {
	it('turns arbitrary text into typed problems, never an exception', () => {
		fc.assert(
			fc.property(fc.constantFrom(...PATHS), fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), yamlish), (path, text) => {
				parsesSafely({ path, text });
			}),
			RUNS
		);
	}, 60_000);

	it('reports every small mutation of a shipped file at a line and column, never throwing', () => {
		expect(shipped.length).toBeGreaterThan(10);
		fc.assert(
			fc.property(fc.constantFrom(...shipped), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, edits) => {
				parsesSafely({ path: file.path, text: edits.reduce(mutate, file.text) });
			}),
			{ ...RUNS, numRuns: 120 }
		);
	}, 60_000);

	// Found by the fuzzer: a self-referencing alias used to throw "Converting circular structure to JSON".
	it('refuses a YAML alias that contains itself at the alias', () => {
		for (const path of PATHS) {
			const { parsed, problems } = parsesSafely({ path, text: 'id: loop\ntitle: &x [*x]\n' });
			expect(parsed).toBeUndefined();
			expect(problems).toEqual([expect.objectContaining({ line: 2, column: 12, message: expect.stringMatching(/endless loop/) })]);
		}
	});

	it('answers deep nesting, long lines and huge numbers with problems, not a stack overflow', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...PATHS),
				fc.integer({ min: 1, max: 5000 }),
				fc.constantFrom(['[', ']'], ['{a: ', '}'], ['- ', ''], ['a:\n ', '']),
				(path, depth, [open, close]) => {
					const nested = open === 'a:\n ' ? Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`).join('\n') : open.repeat(depth) + '1' + close.repeat(depth);
					parsesSafely({ path, text: `id: deep\ntitle: ${nested}\n` });
				}
			),
			{ ...RUNS, numRuns: 30 }
		);
		for (const path of PATHS) {
			parsesSafely({ path, text: `id: big\nversion: ${'9'.repeat(5000)}\ndifficulty: 1e309\n` });
			parsesSafely({ path, text: `id: long\ntitle: ${'x'.repeat(200_000)}\n` });
			parsesSafely({ path, text: 'x'.repeat(300_000) });
			parsesSafely({ path, text: `a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: &e [*d,*d]\nf: &f [*e,*e]\ng: &g [*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n` });
		}
	}, 60_000);

	it('reports values of the wrong type anywhere in a well-formed document', () => {
		fc.assert(
			fc.property(fc.constantFrom(...PATHS), fc.anything({ maxDepth: 4, withNullPrototype: true, withMap: false, withSet: false }), (path, value) => {
				let text: string | undefined;
				try {
					text = stringify(value);
				} catch {
					text = undefined;
				}
				// Not every JS value has a YAML form (undefined, some symbols); the parser never sees those.
				if (typeof text === 'string') parsesSafely({ path, text });
			}),
			RUNS
		);
	}, 60_000);

	it('checks a whole library with a broken file in it without throwing, and still loads the rest', () => {
		fc.assert(
			fc.property(fc.nat(shipped.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, edits) => {
				const files = shipped.map((f, i) => (i === index ? { ...f, text: edits.reduce(mutate, f.text) } : f));
				const library = checkLibrary(files);
				expectTyped(library.problems);
				for (const p of library.problems) expect(shipped.map((f) => f.path)).toContain(p.path);
				expect(library.scenarios.length + library.rubrics.length + library.tracks.length + library.badges.length).toBeGreaterThan(0);
			}),
			{ ...RUNS, numRuns: 5 }
		);
	}, 60_000);
});
