import type { Option } from '../content/option-schema';
import { sectionOf, type Criterion, type Rubric } from '../content/rubric-schema';
import type { Scenario } from '../content/scenario-schema';
import type { DialogueContext } from '../dialogue/dialogue-types';
import { bestOffered, optionValue } from './best-option';
import { criticalFailures, evidenceCredit } from './evidence-credit';
import { handleTimeScore, moodScore, resolutionScore } from './outcome-credit';
import type { CriterionScore, ScoreResult, TurnReview } from './score-types';

const roundToTenth = (value: number): number => Math.round(value * 10) / 10;

/**
 * Scores a finished (or abandoned) attempt from its context alone, so the score is rebuilt
 * from the same stored events as the state and can never drift from it.
 */
export const scoreAttempt = (scenario: Scenario, rubric: Rubric, context: DialogueContext): ScoreResult => {
	const failures = criticalFailures(rubric.criteria, context.choices);
	const failedSections = new Set(
		failures
			.filter((f) => f.scope === 'section')
			.map((f) => sectionOf(rubric.criteria.find((c) => c.id === f.criterionId) as Criterion))
	);

	const criteria: CriterionScore[] = rubric.criteria.map((criterion) => {
		const raw = rawScore(criterion, scenario, context);
		const breachedHere = failures.some((f) => f.criterionId === criterion.id);
		// A breached criterion scores nothing; under "fail section" nor does the rest of its section.
		const score = breachedHere || (failedSections.has(sectionOf(criterion)) && raw !== null) ? 0 : raw;
		const { id, label, weight, measure } = criterion;
		return { id, label, weight, measure, score: score === null ? null : roundToTenth(score), applicable: score !== null };
	});

	const counted = criteria.filter((c) => c.applicable);
	const weights = counted.reduce((sum, c) => sum + c.weight, 0);
	const points = weights === 0 ? 0 : counted.reduce((sum, c) => sum + c.weight * (c.score ?? 0), 0) / weights;
	// "Fail all": a compliance breach cannot be averaged away by good work elsewhere.
	const failsAll = failures.some((f) => f.scope === 'all');
	const total = failsAll ? 0 : roundToTenth(points);

	return {
		total,
		passed: !failsAll && total >= rubric.pass_mark,
		passMark: rubric.pass_mark,
		criteria,
		criticalFailures: failures,
		turns: reviewTurns(scenario, rubric, context),
		outcome: context.outcome,
		elapsedSeconds: context.elapsedSeconds,
		targetSeconds: scenario.target_handle_time
	};
};

const rawScore = (criterion: Criterion, scenario: Scenario, context: DialogueContext): number | null => {
	const ended = context.outcome !== null;
	// Ending an abusive contact per policy is the right call: time, mood and resolution do not apply.
	const outcomeApplies = context.outcome !== 'ended-for-abuse';
	switch (criterion.measure) {
		case 'evidence': {
			const { earned, possible } = evidenceCredit(criterion, context.choices);
			return possible === 0 ? null : (earned / possible) * 100;
		}
		case 'resolution':
			return resolutionScore(scenario, context);
		case 'handle-time':
			if (!outcomeApplies) return null;
			return ended ? handleTimeScore(context.elapsedSeconds, scenario.target_handle_time) : 0;
		case 'customer-mood':
			return outcomeApplies ? moodScore(context.mood) : null;
	}
};

const reviewTurns = (scenario: Scenario, rubric: Rubric, context: DialogueContext): TurnReview[] =>
	context.choices.map((choice) => {
		const options = scenario.nodes[choice.nodeId]?.options ?? [];
		const best = bestOffered(choice.offered, rubric) ?? { optionId: choice.optionId, evidence: choice.evidence, why: choice.why };
		return {
			index: choice.turn,
			nodeId: choice.nodeId,
			chosenOptionId: choice.optionId,
			chosenText: textOf(options, choice.optionId),
			bestOptionId: best.optionId,
			bestText: textOf(options, best.optionId),
			// A tie with the best option is as good as the best option.
			wasBest: optionValue(choice.evidence, rubric) >= optionValue(best.evidence, rubric),
			...(choice.why === undefined ? {} : { rationale: choice.why }),
			...(best.why === undefined ? {} : { bestRationale: best.why }),
			evidence: choice.evidence
		};
	});

const textOf = (options: readonly Option[], optionId: string): string => options.find((o) => o.id === optionId)?.text ?? optionId;
