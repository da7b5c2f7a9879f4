import type { Library } from '../../src/lib/content/check-library';
import type { Rubric } from '../../src/lib/content/rubric-schema';
import type { Scenario } from '../../src/lib/content/scenario-schema';
import { walkThrough } from '../../src/lib/dialogue/build-transcript';
import { buildDialogue } from '../../src/lib/dialogue/build-dialogue';
import { chooseOption, startDialogue, stepDialogue } from '../../src/lib/dialogue/replay';
import { offeredOptions } from '../../src/lib/dialogue/resolve-choice';
import { scoreAttempt } from '../../src/lib/scoring/score-attempt';
import type { ScoreResult } from '../../src/lib/scoring/score-types';
import { factsOfAttempt } from '../../src/lib/server/studio/analytics-record';
import type { AttemptFacts } from '../../src/lib/studio/analytics-rollup';

/** One finished play of a scenario, made by the real engine and scored by the real rubric. */
export interface Walk {
	optionIds: string[];
	passed: boolean;
	total: number;
	/** The stored score, exactly as the finishing step writes it. */
	scoreJson: string;
	score: ScoreResult;
	seconds: number;
	/** What scenario analytics counts of it, as the finishing transaction derives it (the day is the attempt's). */
	facts: AttemptFacts;
}

export interface ScenarioWalks {
	scenario: Scenario;
	rubric: Rubric;
	walks: Walk[];
}

/**
 * A pool of random walks per scenario through the compiled machine (as the server plays them),
 * each scored by src/lib/scoring. The generator draws attempts from these pools: a million
 * attempts need not be a million replays to have the shape real ones have.
 */
export function walkPools(library: Pick<Library, 'scenarios' | 'rubrics'>, perScenario: number, random: () => number): ScenarioWalks[] {
	return library.scenarios.map((scenario) => {
		const rubric = library.rubrics.find((r) => r.id === scenario.rubric);
		if (!rubric) throw new Error(`Scenario ${scenario.id} has no rubric ${scenario.rubric}`);
		const machine = buildDialogue(scenario);
		const walks: Walk[] = [];
		for (let i = 0; i < perScenario; i++) {
			let snapshot = startDialogue(machine);
			const optionIds: string[] = [];
			while (snapshot.status === 'active') {
				const options = offeredOptions(scenario.nodes[snapshot.context.nodeId], snapshot.context);
				const optionId = options[Math.floor(random() * options.length)].id;
				optionIds.push(optionId);
				snapshot = stepDialogue(machine, snapshot, chooseOption(optionId));
			}
			const score = scoreAttempt(scenario, rubric, snapshot.context);
			const transcript = walkThrough(scenario, machine, {}, optionIds.map(chooseOption));
			const facts = factsOfAttempt({ scenarioId: scenario.id, status: score.passed ? 'passed' : 'failed', finishedAt: '' }, transcript, score);
			walks.push({ optionIds, passed: score.passed, total: score.total, scoreJson: JSON.stringify(score), score, seconds: snapshot.context.elapsedSeconds, facts });
		}
		return { scenario, rubric, walks };
	});
}
