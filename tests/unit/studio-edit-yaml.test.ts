import { describe, expect, it } from 'vitest';
import { editYaml, idList, oneOrList, setYamlValue } from '$lib/studio/edit-yaml';
import { readFormView } from '$lib/studio/scenario-form-view';
import { scenarioTemplate } from '$lib/studio/scenario-template';

const source = scenarioTemplate('x', 'X');
const lineCount = (text: string) => text.split('\n').length;

describe('scenario form view over YAML', () => {
	it("reads the persona, the CRM record, each node's line and ending, and its options with effects and evidence", () => {
		const view = readFormView(source)!;
		expect(view.persona).toMatchObject({ name: 'Alex Morgan', mood: '4' });
		expect(view.crm).toEqual([
			{ name: 'Name', value: 'Alex Morgan' },
			{ name: 'Balance', value: '$20.00' }
		]);
		expect(view.nodes.map((n) => [n.id, n.outcome])).toEqual([
			['greet', ''],
			['check', ''],
			['resolved', 'resolved'],
			['breach', 'compliance-failure']
		]);
		expect(view.nodes[0].options[0]).toEqual({
			index: 0,
			id: 'verify',
			text: "I'm sorry about that. Can I confirm your name and ZIP code first?",
			go: 'check',
			why: '',
			effects: { mood: '1', patience: '', set: 'verified', clear: '', reveal: '', note: '' },
			evidence: { compliance: '2', empathy: '2' }
		});
	});

	it('edits one value in place and keeps the comments and the line count', () => {
		const edited = setYamlValue(source, ['nodes', 'greet', 'customer'], 'Fix it now.');
		expect(edited).toContain('# Who is calling');
		expect(readFormView(edited)!.nodes[0].customer).toBe('Fix it now.');
		expect(lineCount(edited)).toBe(lineCount(source));
	});

	it('round-trips: setting a value back to what it was gives the same data', () => {
		const there = setYamlValue(source, ['persona', 'name'], 'Sam');
		const back = setYamlValue(there, ['persona', 'name'], 'Alex Morgan');
		expect(readFormView(back)).toEqual(readFormView(source));
	});

	it("sets, changes and removes an option's effects inside its one-line map", () => {
		const at = ['nodes', 'greet', 'options', 1, 'effects'];
		const added = editYaml(source, { op: 'set', path: [...at, 'mood'], value: -2 });
		const flagged = editYaml(added, { op: 'set', path: [...at, 'set'], value: oneOrList('warned, rushed') });
		expect(readFormView(flagged)!.nodes[0].options[1].effects).toMatchObject({ mood: '-2', patience: '', set: 'warned, rushed', clear: '' });
		const verify = ['nodes', 'greet', 'options', 0, 'effects', 'mood'];
		const cleared = editYaml(flagged, { op: 'set', path: verify, value: '' });
		expect(cleared).toContain('effects: { set: verified }');
		expect(cleared).toContain('# Who is calling');
	});

	it('sets evidence for a criterion, changes it to fail, and removes it', () => {
		const at = ['nodes', 'greet', 'options', 0, 'evidence'];
		const more = editYaml(source, { op: 'set', path: [...at, 'communication'], value: 1 });
		expect(more).toContain('evidence: { compliance: 2, empathy: 2, communication: 1 }');
		const failed = editYaml(more, { op: 'set', path: [...at, 'compliance'], value: 'fail' });
		expect(readFormView(failed)!.nodes[0].options[0].evidence).toEqual({ compliance: 'fail', empathy: '2', communication: '1' });
		const removed = editYaml(failed, { op: 'remove', path: [...at, 'empathy'] });
		expect(readFormView(removed)!.nodes[0].options[0].evidence).toEqual({ compliance: 'fail', communication: '1' });
	});

	it("turns a node into an ending and back, and changes an ending's outcome", () => {
		const ending = editYaml(source, { op: 'set', path: ['nodes', 'resolved', 'outcome'], value: 'follow-up-agreed' });
		expect(readFormView(ending)!.nodes[2].outcome).toBe('follow-up-agreed');
		const notEnding = editYaml(ending, { op: 'set', path: ['nodes', 'resolved', 'outcome'], value: '' });
		expect(notEnding).not.toMatch(/^\s+outcome: (resolved|follow-up-agreed)$/m);
		expect(readFormView(notEnding)!.nodes[2].outcome).toBe('');
	});

	it('edits, adds and removes CRM fields', () => {
		const edited = editYaml(source, { op: 'set', path: ['crm', 'fields', 'Balance'], value: '$0.00' });
		const added = editYaml(edited, { op: 'set', path: ['crm', 'fields', 'Plan'], value: 'Gold' });
		const removed = editYaml(added, { op: 'remove', path: ['crm', 'fields', 'Name'] });
		expect(readFormView(removed)!.crm).toEqual([
			{ name: 'Balance', value: '$0.00' },
			{ name: 'Plan', value: 'Gold' }
		]);
	});

	it('adds an option to a node and a node to the scenario, and removes them again', () => {
		const withOption = editYaml(source, { op: 'append', path: ['nodes', 'check', 'options'], value: { id: 'later', text: 'Call back?', go: 'resolved' } });
		expect(readFormView(withOption)!.nodes[1].options.map((o) => o.id)).toEqual(['refund', 'later']);
		const withNode = editYaml(withOption, { op: 'set', path: ['nodes', 'callback'], value: { customer: 'Fine.', outcome: 'follow-up-agreed' } });
		expect(readFormView(withNode)!.nodes.map((n) => n.id)).toContain('callback');
		const without = editYaml(editYaml(withNode, { op: 'remove', path: ['nodes', 'check', 'options', 1] }), { op: 'remove', path: ['nodes', 'callback'] });
		expect(readFormView(without)).toEqual(readFormView(source));
		expect(without).toContain('# Who is calling');
	});

	it('gives no form for text that does not parse', () => {
		expect(readFormView('nodes: [unclosed')).toBeUndefined();
	});

	it('reads comma-separated ids, one as a plain value and several as a list', () => {
		expect(idList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
		expect(oneOrList('verified')).toBe('verified');
		expect(oneOrList('a, b')).toEqual(['a', 'b']);
	});
});
