import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { Position } from './problem';

export type YamlPath = readonly (string | number)[];

/** Finds where a value (or its key) sits in the source so every problem can name a line and column. */
export type SourceLocator = (path: YamlPath, at?: 'key' | 'value') => Position;

const START: Position = { line: 1, column: 1 };

export const createLocator = (doc: Document, lineCounter: LineCounter): SourceLocator => {
	const toPosition = (offset: number | undefined): Position => {
		if (offset === undefined) return START;
		const { line, col } = lineCounter.linePos(offset);
		return { line, column: col };
	};

	return (path, at = 'value') => {
		let node: unknown = doc.contents;
		let lastFound: { key?: Node; value?: unknown } = { value: node };
		for (const [i, segment] of path.entries()) {
			const child = childOf(doc, node, segment);
			// Missing keys point at the closest parent that exists: that is where the key belongs.
			// A plain value standing in for a list (`flags: verified`) is itself the spot.
			if (!child)
				return toPosition(isScalar(lastFound.value) ? startOf(lastFound.value) : (startOf(lastFound.key) ?? startOf(lastFound.value)));
			const isLast = i === path.length - 1;
			if (isLast && at === 'key' && child.key) return toPosition(startOf(child.key));
			lastFound = child;
			node = child.value;
		}
		return toPosition(startOf(lastFound.value) ?? startOf(lastFound.key));
	};
};

const childOf = (doc: Document, parent: unknown, segment: string | number): { key?: Node; value?: unknown } | undefined => {
	const node = isAlias(parent) ? parent.resolve(doc) : parent;
	if (isMap(node)) {
		const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
		return pair ? { key: pair.key as Node, value: pair.value } : undefined;
	}
	if (isSeq(node) && typeof segment === 'number') {
		const item = node.items[segment];
		return item === undefined ? undefined : { value: item };
	}
	return undefined;
};

const keyText = (key: unknown): string | undefined => (isScalar(key) ? String(key.value) : undefined);

const startOf = (node: unknown): number | undefined => {
	if (node && typeof node === 'object' && 'range' in node) {
		const range = (node as { range?: [number, number, number] | null }).range;
		return range ? range[0] : undefined;
	}
	return undefined;
};
