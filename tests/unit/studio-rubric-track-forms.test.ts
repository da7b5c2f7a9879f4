import { describe, expect, it } from 'vitest';
import { editYaml } from '$lib/studio/edit-yaml';
import { readRubricForm, readTrackForm } from '$lib/studio/rubric-track-form-view';
import { rubricTemplate } from '$lib/studio/rubric-template';
import { trackTemplate } from '$lib/studio/track-template';

describe('rubric form view over YAML', () => {
	const source = rubricTemplate('calm', 'Calm');

	it('reads each criterion and the total of the weights', () => {
		const view = readRubricForm(source)!;
		expect(view.criteria.map((c) => [c.id, c.weight, c.critical])).toEqual([
			['empathy', '50', ''],
			['compliance', '50', 'all']
		]);
		expect(view.totalWeight).toBe(100);
	});

	it("edits a criterion's weight in place, keeping the comments", () => {
		const edited = editYaml(source, { op: 'set', path: ['criteria', 0, 'weight'], value: 60 });
		expect(readRubricForm(edited)!.totalWeight).toBe(110);
		expect(edited).toContain('# A critical item cannot be averaged away');
		expect(edited.split('\n').length).toBe(source.split('\n').length);
	});

	it('adds a criterion with its levels and removes one', () => {
		const levels = { 0: 'No.', 1: 'Yes.' };
		const added = editYaml(source, { op: 'append', path: ['criteria'], value: { id: 'pace', label: 'Pace', description: 'd', weight: 10, levels } });
		expect(readRubricForm(added)!.criteria.map((c) => c.id)).toEqual(['empathy', 'compliance', 'pace']);
		const removed = editYaml(added, { op: 'remove', path: ['criteria', 0] });
		expect(readRubricForm(removed)!.criteria.map((c) => c.id)).toEqual(['compliance', 'pace']);
		expect(removed).toContain('# A critical item cannot be averaged away');
	});

	it('makes a criterion critical and not critical again', () => {
		const critical = editYaml(source, { op: 'set', path: ['criteria', 0, 'critical'], value: 'section' });
		expect(readRubricForm(critical)!.criteria[0].critical).toBe('section');
		expect(readRubricForm(editYaml(critical, { op: 'set', path: ['criteria', 0, 'critical'], value: '' }))).toEqual(readRubricForm(source));
	});
});

describe('track form view over YAML', () => {
	const source = trackTemplate('starter', 'Starter');

	it('reads the track and its requirements with the fields of their kind', () => {
		const view = readTrackForm(source)!;
		expect(view).toMatchObject({ title: 'Starter', level: '1', prerequisites: '', skills: 'empathy' });
		expect(view.requirements[0]).toMatchObject({ index: 0, id: 'first-scenario', kind: 'scenarios', scenarios: 'billing-dispute', min_score: '80' });
	});

	it("edits a requirement's scenarios as a one-line list and keeps the comment", () => {
		const edited = editYaml(source, { op: 'set', path: ['requirements', 0, 'scenarios'], value: ['billing-dispute', 'abusive-caller'] });
		expect(edited).toContain('scenarios: [ billing-dispute, abusive-caller ]');
		expect(edited).toContain('# A certification on the career path');
		expect(readTrackForm(edited)!.requirements[0].scenarios).toBe('billing-dispute, abusive-caller');
	});

	it('adds a requirement and removes one', () => {
		const added = editYaml(source, { op: 'append', path: ['requirements'], value: { id: 'more', kind: 'scenarios', scenarios: ['abusive-caller'], min_score: 80 } });
		expect(readTrackForm(added)!.requirements.map((r) => r.id)).toEqual(['first-scenario', 'more']);
		expect(readTrackForm(editYaml(added, { op: 'remove', path: ['requirements', 0] }))!.requirements.map((r) => r.id)).toEqual(['more']);
	});

	it('sets prerequisites and removes them when emptied', () => {
		const set = editYaml(source, { op: 'set', path: ['prerequisites'], value: ['customer-service-representative'] });
		expect(readTrackForm(set)!.prerequisites).toBe('customer-service-representative');
		expect(editYaml(set, { op: 'set', path: ['prerequisites'], value: [] })).not.toContain('prerequisites');
	});
});
