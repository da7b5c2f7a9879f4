import { problemAt, type Problem } from './problem';
import { maxLevel, type Rubric } from './rubric-schema';
import type { Scenario } from './scenario-schema';
import { conditionsIn, optionVariants } from './scenario-walk';
import type { SourceLocator, YamlPath } from './yaml-positions';

/** Names used inside a scenario must exist: facts, flags, CRM fields and the rubric's criteria. */
export const checkScenarioReferences = (scenario: Scenario, rubric: Rubric | undefined, locate: SourceLocator, path: string): Problem[] => {
	const problems: Problem[] = [];
	const report = (at: YamlPath, message: string, on: 'key' | 'value' = 'value') => problems.push(problemAt(path, locate(at, on), message));
	const variants = optionVariants(scenario);

	const knownFact = (id: string) => id in scenario.facts;
	const flagsSet = new Set(variants.flatMap((v) => v.effects?.set ?? []));
	const checkFlag = (at: YamlPath, flag: string) => {
		// A flag nobody sets can never be true: almost always a typo.
		if (!flagsSet.has(flag)) report(at, `flag "${flag}" is never set by any option (set it with effects: set:)`);
	};

	for (const [nodeId, node] of Object.entries(scenario.nodes)) {
		const seen = new Set<string>();
		(node.options ?? []).forEach((option, i) => {
			const at = ['nodes', nodeId, 'options', i];
			if (seen.has(option.id)) report([...at, 'id'], `option id "${option.id}" is used twice in node "${nodeId}"`);
			seen.add(option.id);
			(option.requires ?? []).forEach((f, k) => checkFlag([...at, 'requires', k], f));
		});
	}

	for (const { path: at, condition } of conditionsIn(scenario)) {
		(condition.flags ?? []).forEach((f, k) => checkFlag([...at, 'flags', k], f));
		(condition.without ?? []).forEach((f, k) => checkFlag([...at, 'without', k], f));
		(condition.facts ?? []).forEach((f, k) => {
			if (!knownFact(f)) report([...at, 'facts', k], `no fact called "${f}" in facts:`);
		});
	}

	for (const variant of variants) {
		const effects = variant.effects;
		(effects?.reveal ?? []).forEach((f, k) => {
			if (!knownFact(f)) report([...variant.path, 'effects', 'reveal', k], `no fact called "${f}" in facts:`);
		});
		for (const field of Object.keys(effects?.update ?? {})) {
			if (!(field in scenario.crm.fields))
				report([...variant.path, 'effects', 'update', field], `the CRM record has no field "${field}"`, 'key');
		}
		if (rubric) checkEvidence(rubric, variant.evidence ?? {}, [...variant.path, 'evidence'], report);
	}
	return problems;
};

const checkEvidence = (
	rubric: Rubric,
	evidence: Record<string, number | 'fail'>,
	at: YamlPath,
	report: (at: YamlPath, message: string, on?: 'key' | 'value') => void
) => {
	for (const [criterionId, value] of Object.entries(evidence)) {
		const criterion = rubric.criteria.find((c) => c.id === criterionId);
		if (!criterion) {
			report([...at, criterionId], `rubric "${rubric.id}" has no criterion "${criterionId}"`, 'key');
		} else if (criterion.measure !== 'evidence') {
			report([...at, criterionId], `"${criterionId}" is scored from the ending (${criterion.measure}), not from evidence`, 'key');
		} else if (value === 'fail' && !criterion.critical) {
			report([...at, criterionId], `"${criterionId}" is not a critical criterion, so it cannot fail; use 0`);
		} else if (typeof value === 'number' && value > maxLevel(criterion)) {
			report([...at, criterionId], `"${criterionId}" has levels 0 to ${maxLevel(criterion)}; ${value} is too high`);
		}
	}
};
