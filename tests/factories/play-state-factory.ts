import type { Rubric } from '$lib/content/rubric-schema';
import type { Scenario } from '$lib/content/scenario-schema';
import { walkThrough } from '$lib/dialogue/build-transcript';
import { buildDialogue } from '$lib/dialogue/build-dialogue';
import { chooseOption } from '$lib/dialogue/replay';
import { scoreAttempt } from '$lib/scoring/score-attempt';
import type { AttemptStatus } from '$lib/server/db/schema';
import type { PlayState } from '$lib/server/play/attempt-service';

/** The state the attempt service would rebuild after these choices, without a database. */
export function makePlayState(scenario: Scenario, rubric: Rubric, optionIds: string[]): PlayState {
	const machine = buildDialogue(scenario);
	const walk = walkThrough(scenario, machine, {}, optionIds.map(chooseOption));
	const score = walk.turn.ended ? scoreAttempt(scenario, rubric, walk.snapshot.context) : null;
	const status: AttemptStatus = score ? (score.passed ? 'passed' : 'failed') : 'in_progress';
	return {
		attempt: {
			id: 'attempt-1',
			userId: 'user-1',
			scenarioId: scenario.id,
			scenarioVersion: scenario.version,
			rubricId: rubric.id,
			rubricVersion: rubric.version,
			status,
			seq: optionIds.length,
			input: {},
			isPlaytest: false,
			scoreTotal: score?.total ?? null,
			startedAt: '2026-01-01T10:00:00.000Z',
			finishedAt: score ? '2026-01-01T10:05:00.000Z' : null
		},
		runtime: { scenario, rubric, machine },
		walk,
		score
	};
}
