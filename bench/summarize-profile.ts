/* Prints the functions with the most self and total time in a V8 .cpuprofile: `tsx bench/summarize-profile.ts FILE [N]`. */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] };
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { nodes: Node[]; samples: number[] };
const top = Number(process.argv[3] ?? 30);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const keyOf = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
// Total time counts a function once per sample even when it recurses.
const walk = (node: Node, onStack: Set<string>): number => {
	const key = keyOf(node);
	self.set(key, (self.get(key) ?? 0) + node.hitCount);
	const inner = new Set(onStack).add(key);
	let hits = node.hitCount;
	for (const child of node.children ?? []) hits += walk(byId.get(child)!, inner);
	if (!onStack.has(key)) total.set(key, (total.get(key) ?? 0) + hits);
	return hits;
};
walk(profile.nodes[0], new Set());
const samples = profile.samples.length;
const print = (title: string, m: Map<string, number>) => {
	console.log(title);
	for (const [key, hits] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * hits) / samples).toFixed(1).padStart(5)}%  ${key}`);
};
print('self', self);
print('total', total);
