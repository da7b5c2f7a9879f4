import { describe, expect, it } from 'vitest';
import { nodeAtLine, nodeSpans } from '$lib/studio/node-lines';
import { scenarioTemplate } from '$lib/studio/scenario-template';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('nodeSpans', () => {
	const text = scenarioTemplate('x', 'X');
	const spans = nodeSpans(text);

	it('lists every node with the line its key is on', () => {
		expect(spans.map((s) => [s.id, s.line])).toEqual([
			['greet', lineOf(text, '  greet:')],
			['check', lineOf(text, '  check:')],
			['resolved', lineOf(text, '  resolved:')],
			['breach', lineOf(text, '  breach:')]
		]);
	});

	it('names the node a line inside its block belongs to, and none outside the nodes', () => {
		expect(nodeAtLine(spans, lineOf(text, 'go: resolved'))).toBe('check');
		expect(nodeAtLine(spans, lineOf(text, 'text: Let me just refund that.'))).toBe('greet');
		expect(nodeAtLine(spans, lineOf(text, 'persona:'))).toBeUndefined();
	});

	it('still finds nodes when a later part of the file is broken', () => {
		expect(nodeSpans(`${text}\n  oops: [unclosed\n`).map((s) => s.id)).toContain('greet');
	});
});
