import type { Evidence } from '../content/option-schema';
import type { Outcome } from '../content/outcomes';

/** The only thing a learner does: pick one of the options on screen. */
export type DialogueEvent = { type: 'learner.choose'; optionId: string };

/** Lets a trainer play-test from any node with a chosen mood, patience and flags. */
export type DialogueInput = {
	startNode?: string;
	preset?: { mood?: number; patience?: number; flags?: string[] };
};

/** An option as it stood when it was on screen, with its evidence resolved for that moment. */
export type OfferedOption = { optionId: string; evidence: Evidence; why?: string };

/** Which version of an option applied: its own, its `otherwise`, or one of its `branches` (by index). */
export type BranchTaken = 'default' | 'otherwise' | number;

export type ChoiceRecord = {
	turn: number;
	nodeId: string;
	optionId: string;
	branch: BranchTaken;
	evidence: Evidence;
	why?: string;
	seconds: number;
	// Kept so scoring can credit the choice against what was actually available, without re-running the dialogue.
	offered: OfferedOption[];
};

export type CrmChanges = { notes: string[]; updates: Record<string, string | number | boolean> };

/** Everything the conversation has built up; plain JSON so it can be logged, compared and rebuilt. */
export type DialogueContext = {
	nodeId: string;
	mood: number;
	patience: number;
	flags: string[];
	facts: string[];
	elapsedSeconds: number;
	choices: ChoiceRecord[];
	crm: CrmChanges;
	outcome: Outcome | null;
};

/** The parts of the context a condition may test. */
export type ConversationState = Pick<DialogueContext, 'flags' | 'facts' | 'mood' | 'patience' | 'elapsedSeconds'>;
