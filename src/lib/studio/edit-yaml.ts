import { isMap, isSeq, parseDocument, type Document } from 'yaml';

export type YamlPath = (string | number)[];
export type YamlValue = string | number | boolean | string[] | Record<string, unknown>;

/** One change a form makes to the text: set a value, append to a list, or remove a key or item. */
export type YamlEdit = { op: 'set'; path: YamlPath; value: YamlValue } | { op: 'append'; path: YamlPath; value: YamlValue } | { op: 'remove'; path: YamlPath };

const isEmpty = (value: YamlValue) => value === '' || (Array.isArray(value) && value.length === 0);

// Lists of ids read best on one line, as trainers write them: `scenarios: [a, b]`.
const nodeFor = (doc: Document, value: YamlValue) => doc.createNode(value, { flow: Array.isArray(value) });

/**
 * Applies one change in place through the YAML document, so comments, key order and the rest of
 * the file stay as the trainer wrote them. Setting an empty value removes an optional key.
 */
export function editYaml(source: string, edit: YamlEdit): string {
	const doc = parseDocument(source);
	if (edit.op === 'remove' || (edit.op === 'set' && isEmpty(edit.value))) doc.deleteIn(edit.path);
	else if (edit.op === 'set') doc.setIn(edit.path, nodeFor(doc, edit.value));
	else {
		const list = doc.getIn(edit.path, true);
		if (isSeq(list)) list.add(doc.createNode(edit.value));
		else doc.setIn(edit.path, doc.createNode([edit.value]));
	}
	return doc.toString({ lineWidth: 0 });
}

export const setYamlValue = (source: string, path: YamlPath, value: YamlValue): string => editYaml(source, { op: 'set', path, value });

/** What a form field shows for any YAML value: text, lists joined by commas. */
export const fieldText = (value: unknown): string =>
	value === undefined || value === null ? '' : Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? '' : String(value);

/** A comma-separated field as a list of ids. */
export const idList = (text: string): string[] =>
	text
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** One id stays a plain value (`set: verified`), several become a list, none removes the key. */
export const oneOrList = (text: string): string | string[] => {
	const ids = idList(text);
	return ids.length === 1 ? ids[0] : ids;
};

/** A number field: blank removes the key, anything else is stored as a number. */
export const numberOrBlank = (text: string): number | '' => (text.trim() === '' ? '' : Number(text));

/** The parsed document, or undefined when the text does not parse (the form then steps aside). */
export function readableDocument(source: string): Document | undefined {
	const doc = parseDocument(source);
	return doc.errors.length > 0 || !isMap(doc.contents) ? undefined : doc;
}

/** The plain value at `path`: collections come back as arrays and objects, not YAML nodes. */
export const valueAt = (doc: Document, path: YamlPath): unknown => {
	const value = doc.getIn(path);
	return isMap(value) || isSeq(value) ? value.toJSON() : value;
};

/** Each item of a list at `path`, with its index, as a plain object. */
export const listItems = (doc: Document, path: YamlPath): { index: number; item: Record<string, unknown> }[] => {
	const list = doc.getIn(path, true);
	return isSeq(list) ? list.items.map((node, index) => ({ index, item: (isMap(node) ? node.toJSON() : {}) as Record<string, unknown> })) : [];
};

/** The keys of a map at `path`, in written order. */
export const mapKeys = (doc: Document, path: YamlPath): string[] => {
	const map = doc.getIn(path, true);
	return isMap(map) ? map.items.map((pair) => fieldText((pair.key as { value?: unknown })?.value)) : [];
};
