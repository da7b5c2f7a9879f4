import { OUTCOMES } from '../../content/outcomes';
import type { Scenario } from '../../content/scenario-schema';
import { edgesOf, layoutScenario } from '../play/scenario-map';

export type EndingTone = 'good' | 'partial' | 'bad' | 'neutral';

export interface StudioMapNode {
	id: string;
	label: string;
	x: number;
	y: number;
	width: number;
	height: number;
	start: boolean;
	outcome?: { id: string; label: string; tone: EndingTone };
	unreachable: boolean;
	/** Not an ending, and no ending can be reached from it: a learner would be stuck. */
	deadEnd: boolean;
}

export interface StudioMap {
	width: number;
	height: number;
	nodes: StudioMapNode[];
	edges: { from: string; to: string; points: { x: number; y: number }[] }[];
}

const toneOf = (resolution: number | null): EndingTone =>
	resolution === null ? 'neutral' : resolution >= 60 ? 'good' : resolution > 0 ? 'partial' : 'bad';

/** Every node reachable from `from` along the given edges. */
const reach = (from: string[], next: Map<string, string[]>) => {
	const seen = new Set(from);
	const queue = [...from];
	while (queue.length) for (const to of next.get(queue.shift()!) ?? []) if (!seen.has(to)) (seen.add(to), queue.push(to));
	return seen;
};

const adjacency = (pairs: [string, string][]) => {
	const map = new Map<string, string[]>();
	for (const [a, b] of pairs) map.set(a, [...(map.get(a) ?? []), b]);
	return map;
};

/** The scenario's graph for authors: endings coloured by outcome, unreachable nodes and dead ends flagged. */
export function studioMap(scenario: Scenario): StudioMap {
	const layout = layoutScenario(scenario);
	const edges = edgesOf(scenario);
	const reachable = reach([scenario.start], adjacency(edges));
	const endings = Object.entries(scenario.nodes).filter(([, n]) => n.outcome).map(([id]) => id);
	const canFinish = reach(endings, adjacency(edges.map(([a, b]) => [b, a])));
	return {
		width: layout.width,
		height: layout.height,
		edges: layout.edges.map(({ from, to, points }) => ({ from, to, points })),
		nodes: layout.nodes.map(({ id, label, x, y, width, height, start }) => {
			const outcome = scenario.nodes[id]?.outcome;
			return {
				id,
				label,
				x,
				y,
				width,
				height,
				start,
				outcome: outcome ? { id: outcome, label: OUTCOMES[outcome].label, tone: toneOf(OUTCOMES[outcome].resolution) } : undefined,
				unreachable: !reachable.has(id),
				deadEnd: !outcome && !canFinish.has(id)
			};
		})
	};
}
