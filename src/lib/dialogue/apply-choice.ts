import { SCALE_MAX } from '../content/common-schema';
import type { Effects } from '../content/option-schema';
import type { Outcome } from '../content/outcomes';
import type { Scenario } from '../content/scenario-schema';
import type { ChoiceRecord, DialogueContext } from './dialogue-types';
import { describeOffered, offeredOptions, resolveChoice } from './resolve-choice';

const clampScale = (value: number): number => Math.min(SCALE_MAX, Math.max(0, value));

// Contexts are never changed in place, so a list that gains nothing is returned as it is: most choices set no flag.
const addAll = (list: string[], more: readonly string[] = []): string[] => {
	let result = list;
	for (const item of more) if (!result.includes(item)) result = result === list ? [...list, item] : [...result, item];
	return result;
};

const removeAll = (list: string[], less: readonly string[] = []): string[] =>
	less.some((item) => list.includes(item)) ? list.filter((item) => !less.includes(item)) : list;

export const applyEffects = (context: DialogueContext, effects: Effects, seconds: number): DialogueContext => ({
	...context,
	mood: clampScale(context.mood + (effects.mood ?? 0)),
	patience: clampScale(context.patience + (effects.patience ?? 0)),
	// Clear first, then set: an option that both clears and sets a flag ends with it set.
	flags: addAll(removeAll(context.flags, effects.clear), effects.set),
	facts: addAll(context.facts, effects.reveal),
	elapsedSeconds: context.elapsedSeconds + seconds,
	crm: {
		notes: effects.note === undefined ? context.crm.notes : [...context.crm.notes, effects.note],
		updates: effects.update === undefined ? context.crm.updates : { ...context.crm.updates, ...effects.update }
	}
});

/** Moving to a node also records its outcome, so a finished context explains how it ended. */
export const enterNode = (scenario: Scenario, context: DialogueContext, nodeId: string): DialogueContext => ({
	...context,
	nodeId,
	outcome: outcomeAt(scenario, nodeId)
});

const outcomeAt = (scenario: Scenario, nodeId: string): Outcome | null => scenario.nodes[nodeId]?.outcome ?? null;

/**
 * The whole effect of one choice, computed from the state before it. The machine's guards
 * use the same `resolveChoice`, so the branch the machine takes and the one recorded here agree.
 */
export const applyChoice = (scenario: Scenario, context: DialogueContext, nodeId: string, optionId: string): DialogueContext => {
	const node = scenario.nodes[nodeId];
	const option = node?.options?.find((o) => o.id === optionId);
	if (!node || !option) throw new Error(`Scenario ${scenario.id} has no option ${optionId} at node ${nodeId}`);
	const resolved = resolveChoice(option, context);
	const record: ChoiceRecord = {
		turn: context.choices.length,
		nodeId,
		optionId,
		branch: resolved.branch,
		evidence: resolved.evidence,
		...(resolved.why === undefined ? {} : { why: resolved.why }),
		seconds: resolved.seconds,
		offered: describeOffered(offeredOptions(node, context), context)
	};
	// One new context rather than one per stage: this runs on every step of every attempt.
	return {
		...applyEffects(context, resolved.effects, resolved.seconds),
		choices: [...context.choices, record],
		nodeId: resolved.go,
		outcome: outcomeAt(scenario, resolved.go)
	};
};
