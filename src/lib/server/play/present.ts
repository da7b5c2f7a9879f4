import type { TurnView } from '../../dialogue/describe-turn';
import type { ScoreResult } from '../../scoring/score-types';
import type { PlayState } from './attempt-service';

/** The turn as the API and the play page show it: what the customer said and what can be done now. */
export const presentTurn = (turn: TurnView, state: PlayState) => ({
	nodeId: turn.nodeId,
	customer: turn.customer,
	options: turn.options.map((o) => ({ id: o.id, text: o.text, action: o.action })),
	mood: turn.mood,
	patience: turn.patience,
	elapsedSeconds: turn.elapsedSeconds,
	targetSeconds: state.runtime.scenario.target_handle_time,
	facts: turn.facts,
	crm: turn.crm
});

export const presentScore = (score: ScoreResult | null) =>
	score && {
		total: score.total,
		passed: score.passed,
		passMark: score.passMark,
		outcome: score.outcome,
		criteria: score.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight, score: c.score })),
		criticalFailures: score.criticalFailures,
		turns: score.turns
	};

export const presentAttempt = (state: PlayState) => ({
	id: state.attempt.id,
	scenarioId: state.attempt.scenarioId,
	scenarioVersion: state.attempt.scenarioVersion,
	status: state.attempt.status,
	seq: state.attempt.seq,
	turn: state.attempt.status === 'in_progress' ? presentTurn(state.walk.turn, state) : null,
	transcript: state.walk.transcript,
	score: presentScore(state.score)
});
