import { fieldText as text, listItems, mapKeys, readableDocument } from './edit-yaml';

export type FormEffects = { mood: string; patience: string; set: string; clear: string; reveal: string; note: string };
export type FormOption = { index: number; id: string; text: string; go: string; why: string; effects: FormEffects; evidence: Record<string, string> };
export type FormNode = { id: string; customer: string; customerIsText: boolean; outcome: string; options: FormOption[] };
export type ScenarioFormView = {
	persona: { name: string; situation: string; mood: string; patience: string; notes: string };
	crm: { name: string; value: string }[];
	nodes: FormNode[];
};

const asRecord = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

const toOption = (index: number, item: Record<string, unknown>): FormOption => {
	const effects = asRecord(item.effects);
	return {
		index,
		id: text(item.id),
		text: text(item.text),
		go: text(item.go),
		why: text(item.why),
		effects: Object.fromEntries((['mood', 'patience', 'set', 'clear', 'reveal', 'note'] as const).map((key) => [key, text(effects[key])])) as FormEffects,
		evidence: Object.fromEntries(Object.entries(asRecord(item.evidence)).map(([criterion, value]) => [criterion, text(value)]))
	};
};

/** What the scenario form view shows, read from the text; undefined when the YAML does not parse. */
export function readFormView(source: string): ScenarioFormView | undefined {
	const doc = readableDocument(source);
	if (!doc) return undefined;
	const persona = (key: string) => text(doc.getIn(['persona', key]));
	return {
		persona: { name: persona('name'), situation: persona('situation'), mood: persona('mood'), patience: persona('patience'), notes: persona('notes') },
		crm: mapKeys(doc, ['crm', 'fields']).map((name) => ({ name, value: text(doc.getIn(['crm', 'fields', name])) })),
		nodes: mapKeys(doc, ['nodes']).map((id) => {
			const customer = doc.getIn(['nodes', id, 'customer']);
			return {
				id,
				// Conditional lines (when/say lists) are edited in the YAML view.
				customer: typeof customer === 'string' ? customer : '',
				customerIsText: customer === undefined || typeof customer === 'string',
				outcome: text(doc.getIn(['nodes', id, 'outcome'])),
				options: listItems(doc, ['nodes', id, 'options']).map(({ index, item }) => toOption(index, item))
			};
		})
	};
}
