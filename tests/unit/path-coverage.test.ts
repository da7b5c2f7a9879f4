import { describe, expect, it } from 'vitest';
import { checkLibrary } from '$lib/content/check-library';
import type { Outcome } from '$lib/content/outcomes';
import { HANG_UP_NODE_ID, type Scenario } from '$lib/content/scenario-schema';
import { buildDialogue, type DialogueMachine } from '$lib/dialogue/build-dialogue';
import { declaredVariants, exploreDialogue, variantKey, type DialoguePath } from '$lib/dialogue/dialogue-paths';
import { chooseOption, replay, startDialogue, stepDialogue } from '$lib/dialogue/replay';
import { describeOffered, offeredOptions } from '$lib/dialogue/resolve-choice';
import { optionValue } from '$lib/scoring/best-option';
import { continueBestPath, followBestPath } from '$lib/scoring/follow-best-path';
import { scoreAttempt } from '$lib/scoring/score-attempt';
import { readContentFiles } from '$lib/server/content/read-content-files';

/**
 * Explores every shipped scenario with xstate/graph (see `exploreDialogue`: breadth-first over
 * distinct conversation states, capped at DEFAULT_MAX_STATES per scenario) and tests the paths
 * it finds: one to each node and one through each option variant. The search runs while the file
 * is collected, so each scenario's coverage can be stated in its test names.
 */
const library = checkLibrary(await readContentFiles(['content']));

/** Plays the lowest-rated option at every turn: a clearly bad attempt. */
const followWorstPath = (scenario: Scenario, machine: DialogueMachine) => {
	const rubric = library.rubrics.find((r) => r.id === scenario.rubric)!;
	let snapshot = startDialogue(machine);
	for (let turn = 0; snapshot.status === 'active' && turn < 200; turn++) {
		const offered = describeOffered(offeredOptions(scenario.nodes[snapshot.context.nodeId], snapshot.context), snapshot.context);
		const worst = offered.reduce((a, b) => (optionValue(b.evidence, rubric) < optionValue(a.evidence, rubric) ? b : a));
		snapshot = stepDialogue(machine, snapshot, chooseOption(worst.optionId));
	}
	return snapshot;
};

// Whatever else went well, losing the customer's patience or breaching compliance cannot pass.
const CLEARLY_BAD: readonly Outcome[] = ['compliance-failure', 'customer-hung-up'];

const describePath = (path: DialoguePath): string => path.events.map((e) => e.optionId).join(' → ') || '(start)';

for (const scenario of library.scenarios) {
	const rubric = library.rubrics.find((r) => r.id === scenario.rubric)!;
	const machine = buildDialogue(scenario);
	const found = exploreDialogue(scenario, machine);
	const declared = declaredVariants(scenario);
	const unreached = declared.filter((v) => !found.variants.has(v));
	const nodeIds = Object.keys(scenario.nodes);
	const covering = [...found.nodes.values(), ...found.variants.values()];
	const score = (snapshot: DialoguePath['snapshot']) => scoreAttempt(scenario, rubric, snapshot.context);
	const finished = covering.map((path) => {
		const end = continueBestPath(scenario, rubric, machine, path.snapshot);
		return { path, end, result: score(end.snapshot) };
	});
	const clearlyBad = finished.filter(({ result }) => CLEARLY_BAD.includes(result.outcome ?? 'resolved'));

	const shadowed = unreached.length ? ` (never the default of ${unreached.join(', ')}: a branch or requirement always applies first)` : '';
	const coverage =
		`${found.nodes.size}/${nodeIds.length} nodes, ${declared.length - unreached.length}/${declared.length} option variants, ` +
		`${found.states} states${found.complete ? '' : ' (search capped)'}`;

	describe(`path coverage of ${scenario.id}: ${coverage}`, () => {
		it('reaches every node from the start (the built-in hang-up ending may be unreachable)', () => {
			expect(nodeIds.filter((id) => id !== HANG_UP_NODE_ID && !found.nodes.has(id))).toEqual([]);
		});

		it('offers every option at some point', () => {
			const optionsTaken = new Set([...found.variants.keys()].map((v) => v.split('/').slice(0, 2).join('/')));
			const options = Object.entries(scenario.nodes).flatMap(([nodeId, n]) => (n.options ?? []).map((o) => `${nodeId}/${o.id}`));
			expect(options.filter((o) => !optionsTaken.has(o))).toEqual([]);
		});

		it('takes only option variants the scenario declares', () => {
			expect([...found.variants.keys()].filter((v) => !declared.includes(v))).toEqual([]);
		});

		it(`reaches every otherwise and branch the scenario declares${shadowed}`, () => {
			// An unreachable `otherwise` or branch is a rule that never fires; an unreachable default only means a rule always does.
			expect(unreached.filter((v) => !v.endsWith('/default'))).toEqual([]);
		});

		it('replays each covering path to exactly the snapshot it was found with', () => {
			for (const path of covering) expect(replay(machine, {}, path.events).context, describePath(path)).toEqual(path.snapshot.context);
		});

		it('takes the node or option variant each covering path was found for', () => {
			for (const [nodeId, path] of found.nodes) expect(path.snapshot.context.nodeId, describePath(path)).toBe(nodeId);
			for (const [variant, path] of found.variants) {
				const choice = path.snapshot.context.choices.at(-1)!;
				expect(variantKey(choice.nodeId, choice.optionId, choice.branch), describePath(path)).toBe(variant);
			}
		});

		it.skipIf(!found.complete)('has no reachable state from which the conversation can no longer end', () => {
			expect(found.trapped.map(describePath)).toEqual([]);
		});

		it(`ends all ${covering.length} covering paths when they are played on with the best option`, () => {
			const unfinished = finished.filter(({ end }) => end.snapshot.status !== 'done').map(({ path }) => describePath(path));
			expect(unfinished).toEqual([]);
		});

		it('scores every finished covering path, and each of its criteria, between 0 and 100', () => {
			const scores = finished.flatMap(({ result }) => {
				const { total, criteria } = result;
				return [total, ...criteria.flatMap((c) => (c.score === null ? [] : [c.score]))];
			});
			expect(scores.filter((s) => !(s >= 0 && s <= 100))).toEqual([]);
		});

		it('passes the best path', () => {
			expect(score(followBestPath(scenario, rubric, {}, machine).snapshot).passed).toBe(true);
		});

		it('finds no covering path that, played on with the best option, outscores the best path', () => {
			const best = score(followBestPath(scenario, rubric, {}, machine).snapshot).total;
			const better = finished.filter(({ result }) => result.total > best);
			expect(better.map(({ path, end }) => `${describePath(path)} → ${end.events.map((e) => e.optionId).join(' → ')}`)).toEqual([]);
		});

		it('fails the worst path: the lowest-rated option at every turn', () => {
			const worst = followWorstPath(scenario, machine);
			expect(worst.status).toBe('done');
			expect(score(worst).passed).toBe(false);
		});

		it(`fails all ${clearlyBad.length} finished covering paths that end in a compliance failure or a hang-up`, () => {
			expect(clearlyBad.filter(({ result }) => result.passed).map(({ path }) => describePath(path))).toEqual([]);
		});
	});
}
