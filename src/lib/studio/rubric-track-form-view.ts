import { fieldText as text, listItems, readableDocument, valueAt } from './edit-yaml';

export type FormCriterion = { index: number; id: string; label: string; weight: string; critical: string };
export type RubricFormView = { title: string; passMark: string; criteria: FormCriterion[]; totalWeight: number };

/** What the rubric form view shows; undefined when the YAML does not parse. */
export function readRubricForm(source: string): RubricFormView | undefined {
	const doc = readableDocument(source);
	if (!doc) return undefined;
	const criteria = listItems(doc, ['criteria']).map(({ index, item }) => ({
		index,
		id: text(item.id),
		label: text(item.label),
		weight: text(item.weight),
		critical: text(item.critical)
	}));
	return {
		title: text(doc.get('title')),
		passMark: text(doc.get('pass_mark')),
		criteria,
		totalWeight: criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0)
	};
}

/** Every field any kind of requirement has, as text; the form shows the ones its kind uses. */
export type FormRequirement = {
	index: number;
	id: string;
	title: string;
	kind: string;
	scenarios: string;
	scenario: string;
	family: string;
	count: string;
	rubric: string;
	criterion: string;
	min_level: string;
	min_score: string;
};
export type TrackFormView = { title: string; level: string; prerequisites: string; skills: string; requirements: FormRequirement[] };

export const REQUIREMENT_FIELDS: Record<string, (keyof FormRequirement)[]> = {
	scenarios: ['scenarios', 'min_score'],
	family: ['family', 'count', 'min_score'],
	proficiency: ['rubric', 'criterion', 'min_level'],
	calibration: ['scenario']
};

/** What the track form view shows; undefined when the YAML does not parse. */
export function readTrackForm(source: string): TrackFormView | undefined {
	const doc = readableDocument(source);
	if (!doc) return undefined;
	const fields = ['id', 'title', 'kind', 'scenarios', 'scenario', 'family', 'count', 'rubric', 'criterion', 'min_level', 'min_score'] as const;
	return {
		title: text(doc.get('title')),
		level: text(doc.get('level')),
		prerequisites: text(valueAt(doc, ['prerequisites'])),
		skills: text(valueAt(doc, ['skills'])),
		requirements: listItems(doc, ['requirements']).map(({ index, item }) => ({ index, ...Object.fromEntries(fields.map((f) => [f, text(item[f])])) }) as FormRequirement)
	};
}
