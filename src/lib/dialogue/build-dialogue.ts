import { and, assign, setup } from 'xstate';
import type { Option } from '../content/option-schema';
import { HANG_UP_NODE_ID, isEnding, type Node, type Scenario } from '../content/scenario-schema';
import { applyChoice, enterNode } from './apply-choice';
import type { BranchTaken, DialogueContext, DialogueEvent, DialogueInput } from './dialogue-types';
import { branchTaken, isOffered } from './resolve-choice';
import { startContext } from './start-context';

// Underscores cannot appear in node ids, so this never clashes with a trainer's node.
const OPENING_STATE = '__opening';

type OptionRef = { nodeId: string; optionId: string };

// A space cannot appear in an id, so node and option ids never run together.
const optionKey = (nodeId: string, optionId: string): string => `${nodeId} ${optionId}`;

/**
 * Compiles a validated scenario into an XState machine: one state per node, one guarded
 * transition per option (and per state-based variant of it). Pure and data-driven; callers
 * cache the result per scenario id and version.
 */
export const buildDialogue = (scenario: Scenario) => {
	// Guards look options up on every event, so index them once instead of searching each node's list.
	const options = new Map(
		Object.entries(scenario.nodes).flatMap(([nodeId, node]) => (node.options ?? []).map((o) => [optionKey(nodeId, o.id), o] as const))
	);
	const optionAt = ({ nodeId, optionId }: OptionRef): Option => {
		const option = options.get(optionKey(nodeId, optionId));
		if (!option) throw new Error(`Scenario ${scenario.id} has no option ${optionId} at node ${nodeId}`);
		return option;
	};

	const dialogue = setup({
		types: {} as { context: DialogueContext; events: DialogueEvent; input: DialogueInput | undefined },
		guards: {
			isChosen: ({ event }, params: { optionId: string }) => event.optionId === params.optionId,
			isOffered: ({ context }, params: OptionRef) => isOffered(optionAt(params), context),
			takesBranch: ({ context }, params: OptionRef & { branch: BranchTaken }) =>
				branchTaken(optionAt(params), context) === params.branch,
			patienceExhausted: ({ context }) => context.patience <= 0,
			startsAt: ({ context }, params: { nodeId: string }) => context.nodeId === params.nodeId
		},
		actions: {
			applyChoice: assign(({ context }, params: OptionRef) => applyChoice(scenario, context, params.nodeId, params.optionId)),
			enterNode: assign(({ context }, params: { nodeId: string }) => enterNode(scenario, context, params.nodeId))
		}
	});

	const transitionsFor = (nodeId: string, option: Option) => {
		const ref = { nodeId, optionId: option.id };
		const variants: BranchTaken[] = [
			...(option.requires ? (['otherwise'] as const) : []),
			...(option.branches ?? []).map((_, i) => i),
			'default'
		];
		const targetOf = (branch: BranchTaken): string =>
			(branch === 'otherwise' ? option.otherwise?.go : branch === 'default' ? undefined : option.branches?.[branch]?.go) ??
			option.go;
		return variants.map((branch) => ({
			guard: and([
				{ type: 'isChosen' as const, params: { optionId: option.id } },
				...(option.only_if ? [{ type: 'isOffered' as const, params: ref }] : []),
				...(variants.length > 1 ? [{ type: 'takesBranch' as const, params: { ...ref, branch } }] : [])
			]),
			target: targetOf(branch),
			actions: { type: 'applyChoice' as const, params: ref }
		}));
	};

	const stateFor = (nodeId: string, node: Node) =>
		isEnding(node)
			? { type: 'final' as const }
			: {
					// Checked on entering every decision node: a customer out of patience leaves.
					always: {
						guard: 'patienceExhausted' as const,
						target: HANG_UP_NODE_ID,
						actions: { type: 'enterNode' as const, params: { nodeId: HANG_UP_NODE_ID } }
					},
					on: { 'learner.choose': (node.options ?? []).flatMap((option) => transitionsFor(nodeId, option)) }
				};

	// `initial` is fixed per machine, so a transient state routes to the node the input asked for.
	const opening = {
		always: Object.keys(scenario.nodes).map((nodeId) => ({ guard: { type: 'startsAt' as const, params: { nodeId } }, target: nodeId }))
	};

	return dialogue.createMachine({
		id: scenario.id,
		initial: OPENING_STATE,
		context: ({ input }) => startContext(scenario, input),
		states: {
			[OPENING_STATE]: opening,
			...Object.fromEntries(Object.entries(scenario.nodes).map(([id, node]) => [id, stateFor(id, node)]))
		}
	});
};

export type DialogueMachine = ReturnType<typeof buildDialogue>;
