import { isMap, isSeq, parseDocument } from 'yaml';

export type YamlPath = (string | number)[];

export type FormOption = { index: number; id: string; text: string; go: string };
export type FormNode = { id: string; customer: string; options: FormOption[] };
export type ScenarioFormView = {
	persona: { name: string; situation: string; mood: string; patience: string; notes: string };
	nodes: FormNode[];
};

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** What the form view shows, read from the text; undefined when the YAML does not parse. */
export function readFormView(source: string): ScenarioFormView | undefined {
	const doc = parseDocument(source);
	if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
	const nodes = doc.get('nodes', true);
	return {
		persona: {
			name: text(doc.getIn(['persona', 'name'])),
			situation: text(doc.getIn(['persona', 'situation'])),
			mood: text(doc.getIn(['persona', 'mood'])),
			patience: text(doc.getIn(['persona', 'patience'])),
			notes: text(doc.getIn(['persona', 'notes']))
		},
		nodes: isMap(nodes)
			? nodes.items.map((pair) => {
					const id = text((pair.key as { value?: unknown })?.value);
					const options = doc.getIn(['nodes', id, 'options'], true);
					return {
						id,
						customer: text(doc.getIn(['nodes', id, 'customer'])),
						options: isSeq(options)
							? options.items.map((_, index) => ({
									index,
									id: text(doc.getIn(['nodes', id, 'options', index, 'id'])),
									text: text(doc.getIn(['nodes', id, 'options', index, 'text'])),
									go: text(doc.getIn(['nodes', id, 'options', index, 'go']))
								}))
							: []
					};
				})
			: []
	};
}

/**
 * Changes one value in place through the YAML document, so comments, key order and the rest
 * of the file stay as the trainer wrote them. An empty value removes an optional key.
 */
export function setYamlValue(source: string, path: YamlPath, value: string | number): string {
	const doc = parseDocument(source);
	if (value === '') doc.deleteIn(path);
	else doc.setIn(path, value);
	return doc.toString({ lineWidth: 0 });
}
