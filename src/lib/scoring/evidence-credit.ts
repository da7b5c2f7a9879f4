import type { EvidenceValue } from '../content/option-schema';
import type { Criterion } from '../content/rubric-schema';
import type { ChoiceRecord, OfferedOption } from '../dialogue/dialogue-types';
import type { CriticalFailure } from './score-types';

const levelOf = (value: EvidenceValue | undefined): number => (typeof value === 'number' ? value : 0);

const isBreach = (option: OfferedOption): boolean => Object.values(option.evidence).includes('fail');

/**
 * Partial credit relative to the best option available at each decision where the criterion
 * was at stake (some option on screen carried evidence for it). Decisions where it was not at
 * stake are ignored, so a criterion that never came up has nothing possible: not applicable.
 * An option that breaches a critical item never sets the bar: cutting a corner is not "best".
 */
export const evidenceCredit = (criterion: Criterion, choices: readonly ChoiceRecord[]): { earned: number; possible: number } =>
	choices.reduce(
		(credit, choice) => {
			const atStake = choice.offered.filter((o) => criterion.id in o.evidence && !isBreach(o));
			if (atStake.length === 0) return credit;
			const best = Math.max(...atStake.map((o) => levelOf(o.evidence[criterion.id])));
			return { earned: credit.earned + Math.min(best, levelOf(choice.evidence[criterion.id])), possible: credit.possible + best };
		},
		{ earned: 0, possible: 0 }
	);

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
