import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export type NodeSpan = { id: string; line: number; endLine: number };

/**
 * Where each dialogue node sits in a scenario's text, so a problem can name the node it is in
 * and the map can jump to it. Tolerates broken YAML: whatever parses is used.
 */
export function nodeSpans(source: string): NodeSpan[] {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { lineCounter });
	const nodes = isMap(doc.contents) ? doc.contents.get('nodes', true) : undefined;
	if (!isMap(nodes)) return [];
	return nodes.items.flatMap((pair) => {
		if (!isScalar(pair.key) || !pair.key.range) return [];
		const start = pair.key.range[0];
		const end = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range[1];
		return [{ id: String(pair.key.value), line: lineCounter.linePos(start).line, endLine: lineCounter.linePos(Math.max(start, end - 1)).line }];
	});
}

/** The node whose block holds `line`, if any. */
export const nodeAtLine = (spans: NodeSpan[], line: number): string | undefined =>
	spans.find((s) => line >= s.line && line <= s.endLine)?.id;
