import { SCALE_MAX } from '../content/common-schema';
import type { Scenario } from '../content/scenario-schema';
import type { DialogueContext, DialogueInput } from './dialogue-types';

const clamp = (value: number): number => Math.min(SCALE_MAX, Math.max(0, Math.round(value)));

/** The context a conversation opens with: the persona's mood and patience unless a trainer preset them. */
export const startContext = (scenario: Scenario, input: DialogueInput = {}): DialogueContext => {
	const nodeId = input.startNode ?? scenario.start;
	// A wrong start node is a bug in the caller (play-test UIs offer a list), not a learner mistake.
	if (!(nodeId in scenario.nodes)) throw new Error(`Scenario ${scenario.id} has no node ${nodeId}`);
	const preset = input.preset ?? {};
	return {
		nodeId,
		mood: clamp(preset.mood ?? scenario.persona.mood),
		patience: clamp(preset.patience ?? scenario.persona.patience),
		flags: [...new Set(preset.flags ?? [])],
		facts: [],
		elapsedSeconds: 0,
		choices: [],
		crm: { notes: [], updates: {} },
		outcome: scenario.nodes[nodeId].outcome ?? null
	};
};
