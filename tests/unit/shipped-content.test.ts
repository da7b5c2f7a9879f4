import { beforeAll, describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { checkLibrary, type Library } from '$lib/content/check-library';
import { formatProblem } from '$lib/content/problem';
import { HANG_UP_NODE_ID, type Scenario } from '$lib/content/scenario-schema';
import { buildDialogue } from '$lib/dialogue/build-dialogue';
import { chooseOption, startDialogue } from '$lib/dialogue/replay';
import { describeOffered, offeredOptions } from '$lib/dialogue/resolve-choice';
import { optionValue } from '$lib/scoring/best-option';
import { followBestPath } from '$lib/scoring/follow-best-path';
import { scoreAttempt } from '$lib/scoring/score-attempt';
import { readContentFiles } from '$lib/server/content/read-content-files';

let library: Library;
beforeAll(async () => {
	library = checkLibrary(await readContentFiles(['content']));
});

const rubricFor = (scenario: Scenario) => library.rubrics.find((r) => r.id === scenario.rubric)!;

/** Most decisions on any path that never revisits a node. */
const longestDecisionPath = (scenario: Scenario, nodeId = scenario.start, seen = new Set<string>()): number => {
	const node = scenario.nodes[nodeId];
	if (!node?.options || seen.has(nodeId)) return 0;
	const next = new Set(node.options.flatMap((o) => [o.go, o.otherwise?.go ?? o.go, ...(o.branches ?? []).map((b) => b.go ?? o.go)]));
	return 1 + Math.max(...[...next].map((id) => longestDecisionPath(scenario, id, new Set([...seen, nodeId]))));
};

/** Plays the worst-rated option at every turn: a clearly bad attempt. */
const followWorstPath = (scenario: Scenario) => {
	const machine = buildDialogue(scenario);
	let snapshot = startDialogue(machine);
	while (snapshot.status === 'active') {
		const offered = describeOffered(offeredOptions(scenario.nodes[snapshot.context.nodeId], snapshot.context), snapshot.context);
		const worst = offered.reduce((a, b) => (optionValue(b.evidence, rubricFor(scenario)) < optionValue(a.evidence, rubricFor(scenario)) ? b : a));
		snapshot = transition(machine, snapshot, chooseOption(worst.optionId))[0];
	}
	return snapshot;
};

describe('the shipped content library', () => {
	it('passes content:check with no problems', () => {
		expect(library.problems.map(formatProblem)).toEqual([]);
	});

	it('ships the four rubrics and six tracks', () => {
		expect(library.rubrics.map((r) => r.id).sort()).toEqual(['customer-service', 'leadership-coaching', 'sales', 'technical-support']);
		expect(library.tracks.map((t) => t.id).sort()).toEqual([
			'customer-service-representative',
			'quality-assurance-analyst',
			'sales-agent',
			'senior-representative',
			'team-lead',
			'technical-support-specialist'
		]);
	});

	it('has a reference scenario for every family and uses every channel', () => {
		expect(new Set(library.scenarios.map((s) => s.family))).toEqual(
			new Set(['difficult-customer', 'technical-troubleshooting', 'sales-objection', 'leadership'])
		);
		expect(new Set(library.scenarios.map((s) => s.channel))).toEqual(new Set(['voice', 'chat', 'email']));
	});

	it('gives every scenario at least six decisions, three endings and a state-based branch', () => {
		for (const scenario of library.scenarios) {
			const nodes = Object.entries(scenario.nodes);
			const endings = nodes.filter(([id, n]) => n.outcome && id !== HANG_UP_NODE_ID);
			const options = nodes.flatMap(([, n]) => n.options ?? []);
			expect(longestDecisionPath(scenario), scenario.id).toBeGreaterThanOrEqual(6);
			expect(endings.length, scenario.id).toBeGreaterThanOrEqual(3);
			expect(options.some((o) => o.requires || o.branches || o.only_if), scenario.id).toBe(true);
			expect(Object.keys(scenario.crm.fields).length, scenario.id).toBeGreaterThan(3);
		}
	});

	it('lets the best path pass every scenario', () => {
		for (const scenario of library.scenarios) {
			const best = followBestPath(scenario, rubricFor(scenario));
			const result = scoreAttempt(scenario, rubricFor(scenario), best.snapshot.context);
			expect(result.passed, scenario.id).toBe(true);
			expect(best.events.length, scenario.id).toBeGreaterThanOrEqual(5);
		}
	});

	it('fails the worst path through every scenario', () => {
		for (const scenario of library.scenarios) {
			const result = scoreAttempt(scenario, rubricFor(scenario), followWorstPath(scenario).context);
			expect(result.passed, scenario.id).toBe(false);
		}
	});
});
