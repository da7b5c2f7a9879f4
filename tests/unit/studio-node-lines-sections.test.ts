import { describe, expect, it } from 'vitest';
import { itemSpans, nodeAtLine } from '$lib/studio/node-lines';
import { rubricTemplate } from '$lib/studio/rubric-template';
import { trackTemplate } from '$lib/studio/track-template';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('itemSpans over list sections', () => {
	it("names a rubric's criteria by id, with the lines they span", () => {
		const text = rubricTemplate('r', 'R');
		const spans = itemSpans(text, 'criteria');
		expect(spans.map((s) => [s.id, s.line])).toEqual([
			['empathy', lineOf(text, 'id: empathy')],
			['compliance', lineOf(text, 'id: compliance')]
		]);
		expect(nodeAtLine(spans, lineOf(text, 'critical: all'))).toBe('compliance');
	});

	it("names a track's requirements by id", () => {
		const text = trackTemplate('t', 'T');
		expect(itemSpans(text, 'requirements').map((s) => s.id)).toEqual(['first-scenario']);
		expect(itemSpans(text, 'criteria')).toEqual([]);
	});
});
