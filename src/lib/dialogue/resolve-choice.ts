import type { Effects, Evidence, Option } from '../content/option-schema';
import type { Node } from '../content/scenario-schema';
import { meetsCondition } from './conditions';
import type { BranchTaken, ConversationState, OfferedOption } from './dialogue-types';

/** What choosing an option does in the current state, after `requires` and `branches` are applied. */
export type ResolvedChoice = {
	branch: BranchTaken;
	go: string;
	effects: Effects;
	evidence: Evidence;
	why?: string;
	seconds: number;
};

/** An option whose `only_if` fails is not shown at all. */
export const isOffered = (option: Option, state: ConversationState): boolean =>
	option.only_if === undefined || meetsCondition(option.only_if, state);

export const offeredOptions = (node: Node, state: ConversationState): Option[] =>
	(node.options ?? []).filter((option) => isOffered(option, state));

/**
 * A missing requirement wins over branches: skipping identity verification is a breach
 * whatever else is true. Then the first branch whose `when` holds, else the option itself.
 */
export const branchTaken = (option: Option, state: ConversationState): BranchTaken => {
	if (option.requires && !option.requires.every((flag) => state.flags.includes(flag))) return 'otherwise';
	const index = (option.branches ?? []).findIndex((branch) => meetsCondition(branch.when, state));
	return index === -1 ? 'default' : index;
};

export const resolveChoice = (option: Option, state: ConversationState): ResolvedChoice => {
	const branch = branchTaken(option, state);
	const variant = branch === 'otherwise' ? option.otherwise : branch === 'default' ? undefined : option.branches?.[branch];
	// A branch replaces only the keys it states; anything it leaves out comes from the option.
	return {
		branch,
		go: variant?.go ?? option.go,
		effects: variant?.effects ?? option.effects ?? {},
		evidence: variant?.evidence ?? option.evidence ?? {},
		why: variant?.why ?? option.why,
		seconds: option.seconds
	};
};

export const describeOffered = (options: Option[], state: ConversationState): OfferedOption[] =>
	options.map((option) => {
		const { evidence, why } = resolveChoice(option, state);
		return why === undefined ? { optionId: option.id, evidence } : { optionId: option.id, evidence, why };
	});
