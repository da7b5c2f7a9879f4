import type { EvidenceValue } from '../content/option-schema';
import type { Criterion } from '../content/rubric-schema';
import type { ChoiceRecord, OfferedOption } from '../dialogue/dialogue-types';
import type { CriticalFailure } from './score-types';

const levelOf = (value: EvidenceValue | undefined): number => (typeof value === 'number' ? value : 0);

const isBreach = (option: OfferedOption): boolean => {
	for (const id in option.evidence) if (option.evidence[id] === 'fail') return true;
	return false;
};

/**
 * Partial credit relative to the best option available at each decision where the criterion
 * was at stake (some option on screen carried evidence for it). Decisions where it was not at
 * stake are ignored, so a criterion that never came up has nothing possible: not applicable.
 * An option that breaches a critical item never sets the bar: cutting a corner is not "best".
 */
export const evidenceCredit = (criterion: Criterion, choices: readonly ChoiceRecord[]): { earned: number; possible: number } => {
	// Loops rather than filter/map: this runs for every criterion at every ending, and scoring is on the hot path.
	let earned = 0;
	let possible = 0;
	for (const choice of choices) {
		let best = -1;
		for (const option of choice.offered)
			if (criterion.id in option.evidence && !isBreach(option)) best = Math.max(best, levelOf(option.evidence[criterion.id]));
		if (best === -1) continue;
		earned += Math.min(best, levelOf(choice.evidence[criterion.id]));
		possible += best;
	}
	return { earned, possible };
};

/** Every choice that breached a critical criterion, with the turn that caused it. */
export const criticalFailures = (criteria: readonly Criterion[], choices: readonly ChoiceRecord[]): CriticalFailure[] =>
	choices.flatMap((choice) =>
		criteria
			.filter((criterion) => criterion.critical && choice.evidence[criterion.id] === 'fail')
			.map((criterion) => ({
				criterionId: criterion.id,
				scope: criterion.critical as 'section' | 'all',
				turn: choice.turn,
				nodeId: choice.nodeId,
				message: `${criterion.label}: ${choice.why ?? 'a critical item was breached'}`
			}))
	);
