import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { createLocator } from '$lib/content/yaml-positions';

const locatorFor = (text: string) => {
	const lineCounter = new LineCounter();
	return createLocator(parseDocument(text, { lineCounter }), lineCounter);
};

const TEXT = `id: demo
nodes:
  greet:
    options:
      - id: first
        go: done
      - id: second
        evidence: { care: 2 }
        flags: verified
`;

describe('createLocator', () => {
	it('finds a nested value through maps and lists', () => {
		expect(locatorFor(TEXT)(['nodes', 'greet', 'options', 1, 'id'])).toEqual({ line: 7, column: 13 });
	});

	it('finds a key instead of its value when asked', () => {
		expect(locatorFor(TEXT)(['nodes', 'greet'], 'key')).toEqual({ line: 3, column: 3 });
	});

	it('finds keys inside flow mappings', () => {
		expect(locatorFor(TEXT)(['nodes', 'greet', 'options', 1, 'evidence', 'care'], 'key')).toEqual({ line: 8, column: 21 });
	});

	it('falls back to the nearest existing parent for a missing key', () => {
		expect(locatorFor(TEXT)(['nodes', 'greet', 'options', 0, 'why'])).toEqual({ line: 5, column: 9 });
	});

	it('points at a single value written where a list was allowed', () => {
		expect(locatorFor(TEXT)(['nodes', 'greet', 'options', 1, 'flags', 0])).toEqual({ line: 9, column: 16 });
	});

	it('points at the start of the file for an empty path', () => {
		expect(locatorFor(TEXT)([])).toEqual({ line: 1, column: 1 });
	});
});
