import { describe, expect, it } from 'vitest';
import { readFormView, setYamlValue } from '$lib/studio/edit-yaml';
import { scenarioTemplate } from '$lib/studio/scenario-template';

describe('form view over YAML', () => {
	const source = scenarioTemplate('x', 'X');

	it('reads the persona, each node\'s customer line and its options with their targets', () => {
		const view = readFormView(source)!;
		expect(view.persona).toMatchObject({ name: 'Alex Morgan', mood: '4' });
		expect(view.nodes.map((n) => n.id)).toEqual(['greet', 'check', 'resolved', 'breach']);
		expect(view.nodes[0].options[1]).toEqual({ index: 1, id: 'rush', text: 'Let me just refund that.', go: 'check' });
	});

	it('edits one value in place and keeps the comments', () => {
		const edited = setYamlValue(source, ['nodes', 'greet', 'customer'], 'Fix it now.');
		expect(edited).toContain('# Who is calling');
		expect(readFormView(edited)!.nodes[0].customer).toBe('Fix it now.');
		expect(edited.split('\n').length).toBe(source.split('\n').length);
	});

	it('round-trips: setting a value back to what it was gives the same data', () => {
		const there = setYamlValue(source, ['persona', 'name'], 'Sam');
		const back = setYamlValue(there, ['persona', 'name'], 'Alex Morgan');
		expect(readFormView(back)).toEqual(readFormView(source));
	});

	it('gives no form for text that does not parse', () => {
		expect(readFormView('nodes: [unclosed')).toBeUndefined();
	});
});
