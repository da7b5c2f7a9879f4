import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkLibrary } from '$lib/content/check-library';
import { formatProblem } from '$lib/content/problem';
import { readContentFiles } from '$lib/server/content/read-content-files';

describe('docs/authoring.md', () => {
	it('shows a complete example scenario that passes the checker against the shipped rubrics', async () => {
		const guide = await readFile('docs/authoring.md', 'utf8');
		const example = /```yaml\n([\s\S]*?)```/.exec(guide)?.[1];
		expect(example).toContain('id: missing-parcel');
		const rubrics = await readContentFiles(['content/rubrics']);
		const library = checkLibrary([...rubrics, { path: 'content/scenarios/difficult-customer/missing-parcel.yaml', text: example! }]);
		expect(library.problems.map(formatProblem)).toEqual([]);
		expect(library.scenarios.map((s) => s.id)).toEqual(['missing-parcel']);
	});
});
