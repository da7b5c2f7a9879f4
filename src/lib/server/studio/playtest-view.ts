import { scoreAttempt } from '../../scoring/score-attempt';
import type { PlayState } from '../play/attempt-service';

export interface PlaytestView {
	startNode: string;
	/** Each choice so far with the evidence it earned, criterion by criterion. */
	choices: { turn: number; nodeId: string; optionId: string; evidence: { criterion: string; value: string }[] }[];
	/** The score if the conversation ended now, so the author sees it accrue. */
	score: { total: number; passMark: number; criteria: { id: string; label: string; score: number | null }[]; criticalFailures: string[] };
}

/** What a trainer sees beside a play-test: evidence per decision and the running score. Play-tests only. */
export function playtestView(state: PlayState): PlaytestView | undefined {
	if (!state.attempt.isPlaytest) return undefined;
	const { scenario, rubric } = state.runtime;
	const context = state.walk.snapshot.context;
	const labels = new Map(rubric.criteria.map((c) => [c.id, c.label]));
	const score = scoreAttempt(scenario, rubric, context);
	const input = state.attempt.input as { startNode?: string };
	return {
		startNode: input.startNode ?? scenario.start,
		choices: context.choices.map((c) => ({
			turn: c.turn,
			nodeId: c.nodeId,
			optionId: c.optionId,
			evidence: Object.entries(c.evidence).map(([criterion, value]) => ({ criterion: labels.get(criterion) ?? criterion, value: String(value) }))
		})),
		score: {
			total: score.total,
			passMark: score.passMark,
			criteria: score.criteria.filter((c) => c.applicable).map(({ id, label, score: s }) => ({ id, label, score: s })),
			criticalFailures: score.criticalFailures.map((f) => f.message)
		}
	};
}
