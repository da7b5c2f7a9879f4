import { describe, expect, it } from 'vitest';
import { lineDiff } from '$lib/studio/line-diff';

const compact = (before: string, after: string) =>
	lineDiff(before, after).map((l) => `${{ same: ' ', added: '+', removed: '-' }[l.kind]}${l.text}`);

describe('lineDiff', () => {
	it('keeps common lines and marks the changed one as removed then added', () => {
		expect(compact('a\nb\nc', 'a\nB\nc')).toEqual([' a', '-b', '+B', ' c']);
	});

	it('finds insertions and deletions around unchanged lines', () => {
		expect(compact('a\nb\nc\nd', 'a\nc\nd\ne')).toEqual([' a', '-b', ' c', ' d', '+e']);
	});

	it('numbers lines on each side', () => {
		const [first, , third] = lineDiff('x\ny', 'x\nz');
		expect(first).toMatchObject({ oldLine: 1, newLine: 1 });
		expect(third).toMatchObject({ kind: 'added', newLine: 2 });
	});

	it('reports no change for identical texts', () => {
		expect(lineDiff('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
	});
});
