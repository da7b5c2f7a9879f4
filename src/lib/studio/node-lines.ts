import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

export type NodeSpan = { id: string; line: number; endLine: number };

/** Where each part sits in a file's text: a scenario's nodes, a rubric's criteria, a track's requirements. */
export const SECTION_OF = { scenario: 'nodes', rubric: 'criteria', track: 'requirements' } as const;

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/**
 * Where each item of a top-level section sits in the text, so a problem can name the node (or
 * criterion, or requirement) it is in and the map can jump to it. Map sections are keyed by
 * their keys, list sections by each item's `id:`. Tolerates broken YAML: whatever parses is used.
 */
export function itemSpans(source: string, section: string): NodeSpan[] {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter });
	const items = isMap(doc.contents) ? doc.contents.get(section, true) : undefined;
	const span = (id: unknown, start: Ranged, end: Ranged): NodeSpan[] => {
		if (!start?.range) return [];
		const from = start.range[0];
		const to = end?.range?.[1] ?? start.range[1];
		return [{ id: String(id), line: lineCounter.linePos(from).line, endLine: lineCounter.linePos(Math.max(from, to - 1)).line }];
	};
	if (isMap(items)) return items.items.flatMap((pair) => (isScalar(pair.key) ? span(pair.key.value, pair.key, pair.value as YamlNode) : []));
	if (isSeq(items)) return items.items.flatMap((item) => (isMap(item) ? span(item.get('id') ?? '?', item as YamlNode, item as YamlNode) : []));
	return [];
}

export const nodeSpans = (source: string): NodeSpan[] => itemSpans(source, 'nodes');

/** The node whose block holds `line`, if any. */
export const nodeAtLine = (spans: NodeSpan[], line: number): string | undefined =>
	spans.find((s) => line >= s.line && line <= s.endLine)?.id;
