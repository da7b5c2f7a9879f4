import dagre from '@dagrejs/dagre';
import { HANG_UP_NODE_ID, type Scenario } from '../../content/scenario-schema';
import { humanize } from './labels';

export interface MapNode {
	id: string;
	label: string;
	x: number;
	y: number;
	width: number;
	height: number;
	start: boolean;
	ending: boolean;
	/** The step numbers (1-based) at which the learner was at this node; empty when never visited. */
	visits: number[];
}

export interface MapEdge {
	from: string;
	to: string;
	points: { x: number; y: number }[];
	taken: boolean;
}

export interface ScenarioMap {
	width: number;
	height: number;
	nodes: MapNode[];
	edges: MapEdge[];
	/** The path in words, for the map's text alternative. */
	pathText: string;
}

export type Layout = Omit<ScenarioMap, 'pathText'>;

const NODE_HEIGHT = 34;
const nodeWidth = (label: string) => Math.max(80, Math.round(label.length * 7.4) + 28);

export const edgesOf = (scenario: Scenario): [string, string][] => {
	const pairs = new Set<string>();
	for (const [id, node] of Object.entries(scenario.nodes))
		for (const option of node.options ?? [])
			for (const to of [option.go, option.otherwise?.go, ...(option.branches ?? []).map((b) => b.go)])
				if (to && to in scenario.nodes) pairs.add(`${id}\n${to}`);
	return [...pairs].map((p) => p.split('\n') as [string, string]);
};

// Versions are immutable, so a layout computed once serves every debrief of that version.
const layouts = new Map<string, Layout>();
const MAX_LAYOUTS = 200;

function layoutOf(scenario: Scenario, extraEdges: [string, string][]): Layout {
	const key = `${scenario.id}@${scenario.version}|${extraEdges.join(';')}`;
	const cached = layouts.get(key);
	if (cached) return cached;
	const layout = layoutScenario(scenario, extraEdges);
	if (layouts.size >= MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
	layouts.set(key, layout);
	return layout;
}

/** Lays the graph out with dagre, uncached: the studio draws drafts that change in place. */
export function layoutScenario(scenario: Scenario, extraEdges: [string, string][] = []): Layout {
	const edges = [...edgesOf(scenario), ...extraEdges];
	const linked = new Set(edges.flat());
	// The automatic hang-up ending is only drawn when some path leads there.
	const ids = Object.keys(scenario.nodes).filter((id) => id !== HANG_UP_NODE_ID || linked.has(id));
	const g = new dagre.graphlib.Graph();
	g.setGraph({ rankdir: 'TB', nodesep: 20, ranksep: 36, marginx: 8, marginy: 18 });
	g.setDefaultEdgeLabel(() => ({}));
	for (const id of ids) g.setNode(id, { width: nodeWidth(humanize(id)), height: NODE_HEIGHT });
	for (const [from, to] of edges) g.setEdge(from, to);
	dagre.layout(g);
	const layout: Layout = {
		width: Math.ceil(g.graph().width ?? 0),
		height: Math.ceil(g.graph().height ?? 0),
		nodes: ids.map((id) => {
			const n = g.node(id);
			const node = scenario.nodes[id];
			return { id, label: humanize(id), x: n.x, y: n.y, width: n.width, height: n.height, start: id === scenario.start, ending: !!node.outcome, visits: [] };
		}),
		edges: g.edges().map((e) => ({ from: e.v, to: e.w, points: g.edge(e).points ?? [], taken: false }))
	};
	return layout;
}

/** The scenario's graph laid out top to bottom, with the learner's path (node ids in order) drawn over it. */
export function scenarioMap(scenario: Scenario, path: readonly string[]): ScenarioMap {
	const steps = path.slice(1).map((to, i) => [path[i], to] as [string, string]);
	const known = new Set(edgesOf(scenario).map(([a, b]) => `${a}\n${b}`));
	// Running out of patience jumps to the hang-up ending from anywhere: draw that jump too.
	const extra = steps.filter(([a, b]) => !known.has(`${a}\n${b}`));
	const base = layoutOf(scenario, extra);
	const taken = new Set(steps.map(([a, b]) => `${a}\n${b}`));
	return {
		...base,
		nodes: base.nodes.map((n) => ({ ...n, visits: path.flatMap((id, i) => (id === n.id ? [i + 1] : [])) })),
		edges: base.edges.map((e) => ({ ...e, taken: taken.has(`${e.from}\n${e.to}`) })),
		pathText: path.map(humanize).join(' → ')
	};
}
