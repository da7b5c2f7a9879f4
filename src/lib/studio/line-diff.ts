export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string; oldLine?: number; newLine?: number };

// Scenario files are a few hundred lines, so the quadratic LCS table stays small (a 256 KiB
// file is refused long before this matters); beyond the cap it falls back to "all replaced".
const MAX_CELLS = 4_000_000;

/** A line diff of two texts by longest common subsequence, in order, for showing two versions side by side. */
export function lineDiff(before: string, after: string): DiffLine[] {
	const a = before.split('\n');
	const b = after.split('\n');
	if (a.length * b.length > MAX_CELLS) {
		return [...a.map((text, i) => ({ kind: 'removed' as const, text, oldLine: i + 1 })), ...b.map((text, i) => ({ kind: 'added' as const, text, newLine: i + 1 }))];
	}
	// lengths[i][j] = LCS length of a[i..] and b[j..]
	const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) out.push({ kind: 'same', text: a[i], oldLine: ++i, newLine: ++j });
		// On a tie, the removed line goes first, as in `diff -u`.
		else if (i < a.length && (j === b.length || lengths[i + 1][j] >= lengths[i][j + 1])) out.push({ kind: 'removed', text: a[i], oldLine: ++i });
		else out.push({ kind: 'added', text: b[j], newLine: ++j });
	}
	return out;
}
