import type { Condition } from './common-schema';
import type { Effects, Evidence, Option } from './option-schema';
import type { Scenario } from './scenario-schema';
import type { YamlPath } from './yaml-positions';

/**
 * One way an option can play out: the option itself, its `otherwise`, or one of its `branches`.
 * Paths are the YAML paths, so checks can point at the exact line.
 */
export type OptionVariant = {
	nodeId: string;
	option: Option;
	path: YamlPath;
	go?: string;
	effects?: Effects;
	evidence?: Evidence;
};

export const optionVariants = (scenario: Scenario): OptionVariant[] =>
	Object.entries(scenario.nodes).flatMap(([nodeId, node]) =>
		(node.options ?? []).flatMap((option, i) => {
			const path = ['nodes', nodeId, 'options', i];
			const { go, effects, evidence } = option;
			return [
				{ nodeId, option, path, go, effects, evidence },
				...(option.otherwise ? [{ nodeId, option, path: [...path, 'otherwise'], ...option.otherwise }] : []),
				...(option.branches ?? []).map((branch, k) => ({ nodeId, option, path: [...path, 'branches', k], ...branch }))
			];
		})
	);

/** Where a variant actually leads: a branch without `go` keeps the option's target. */
export const targetOf = (variant: OptionVariant): string => variant.go ?? variant.option.go;

/** Every condition in the scenario, with where it is written. */
export const conditionsIn = (scenario: Scenario): { path: YamlPath; condition: Condition }[] =>
	Object.entries(scenario.nodes).flatMap(([nodeId, node]) => [
		...node.customer.flatMap((line, i) => ('when' in line ? [{ path: ['nodes', nodeId, 'customer', i, 'when'], condition: line.when }] : [])),
		...(node.options ?? []).flatMap((option, i) => {
			const path = ['nodes', nodeId, 'options', i];
			return [
				...(option.only_if ? [{ path: [...path, 'only_if'], condition: option.only_if }] : []),
				...(option.branches ?? []).map((b, k) => ({ path: [...path, 'branches', k, 'when'], condition: b.when }))
			];
		})
	]);
