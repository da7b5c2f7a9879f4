import { problemAt, type Problem } from './problem';
import { HANG_UP_NODE_ID, isEnding, type Scenario } from './scenario-schema';
import { optionVariants, targetOf } from './scenario-walk';
import type { SourceLocator, YamlPath } from './yaml-positions';

/**
 * The dialogue as a graph: every jump lands on a node, every node can be reached,
 * every decision can still lead to an ending, and every ending says how it ended.
 */
export const checkScenarioGraph = (scenario: Scenario, writtenNodeIds: ReadonlySet<string>, locate: SourceLocator, path: string): Problem[] => {
	const problems: Problem[] = [];
	const report = (at: YamlPath, message: string, on: 'key' | 'value' = 'value') => problems.push(problemAt(path, locate(at, on), message));
	const exists = (id: string) => id in scenario.nodes;

	if (!exists(scenario.start)) report(['start'], `start names node "${scenario.start}", which does not exist`);

	for (const [id, node] of Object.entries(scenario.nodes)) {
		if (!writtenNodeIds.has(id)) continue;
		const at = ['nodes', id];
		if (node.options && node.outcome)
			report(at, `node "${id}" has both options and an outcome: a node is either a decision or an ending`, 'key');
		if (!node.options && !node.outcome)
			report(at, `node "${id}" has no options and no outcome: add options, or give this ending an outcome`, 'key');
		if (node.options && (node.debrief || node.resolution !== undefined))
			report(at, `node "${id}" is a decision; debrief and resolution belong on endings`, 'key');
		if (id === HANG_UP_NODE_ID && !node.outcome)
			report(at, `"${HANG_UP_NODE_ID}" is where customers go when patience runs out, so it must be an ending with an outcome`, 'key');
	}

	const edges = new Map<string, Set<string>>();
	for (const variant of optionVariants(scenario)) {
		const target = targetOf(variant);
		if (!exists(target)) {
			// A branch without its own `go` shares the option's, which is reported once, on the option.
			if (variant.go !== undefined) report([...variant.path, 'go'], `no node called "${target}"`);
			continue;
		}
		edges.set(variant.nodeId, (edges.get(variant.nodeId) ?? new Set()).add(target));
	}
	const hasDecisions = Object.values(scenario.nodes).some((n) => n.options);

	// Any decision can lose the customer, so the hang-up ending counts as reachable whenever a decision exists.
	const reachable = walk([scenario.start, ...(hasDecisions ? [HANG_UP_NODE_ID] : [])], (id) => edges.get(id) ?? []);
	for (const id of Object.keys(scenario.nodes)) {
		if (writtenNodeIds.has(id) && !reachable.has(id) && exists(scenario.start))
			report(['nodes', id], `node "${id}" cannot be reached from the start node "${scenario.start}"`, 'key');
	}

	const incoming = new Map<string, string[]>();
	for (const [from, targets] of edges) for (const to of targets) incoming.set(to, [...(incoming.get(to) ?? []), from]);
	const endings = Object.entries(scenario.nodes).filter(([, n]) => isEnding(n)).map(([id]) => id);
	const leadsToEnding = walk(endings, (id) => incoming.get(id) ?? []);
	for (const [id, node] of Object.entries(scenario.nodes)) {
		if (node.options && !node.outcome && !leadsToEnding.has(id) && reachable.has(id))
			report(['nodes', id], `from node "${id}" there is no way to reach an ending`, 'key');
	}
	return problems;
};

const walk = (from: string[], next: (id: string) => Iterable<string>): Set<string> => {
	const seen = new Set(from);
	const queue = [...from];
	while (queue.length > 0) {
		for (const to of next(queue.shift() as string)) {
			if (!seen.has(to)) {
				seen.add(to);
				queue.push(to);
			}
		}
	}
	return seen;
};
