import type { Kysely } from 'kysely';
import type { Actor } from '../access';
import type { AttemptStatus, Database } from '../db/schema';
import { progressEffectOfAttempt, type AttemptEffect } from '../progression/attempt-effect';
import type { PlayState } from './attempt-service';
import { ATTEMPT_STATUS_LABELS } from './history-view';
import { ACTION_LABELS, CHANNEL_LABELS, FAMILY_LABELS, outcomeLabel } from './labels';
import { scenarioMap, type ScenarioMap } from './scenario-map';
import type { AgentAction } from '../../content/option-schema';
import type { ScoreAdjustment } from '../reviews/effective-score';

export interface Decision {
	/** 1-based, as people count turns. */
	turn: number;
	customer: string;
	chosenText: string;
	activity: string | null;
	review: { wasBest: boolean; bestText: string; rationale: string | null; bestRationale: string | null } | null;
}

export interface DebriefResult {
	total: number;
	passed: boolean;
	passMark: number;
	outcome: string;
	elapsedSeconds: number;
	targetSeconds: number;
	criteria: { id: string; label: string; weight: number; score: number | null }[];
	criticalFailures: { turn: number; criterion: string; message: string; scope: 'section' | 'all' }[];
}

/**
 * What this attempt did to the learner's progression: XP, certification standings that moved, and
 * badges earned. Null for an attempt that earned nothing (abandoned, a play-test).
 */
export type ProgressionEffect = AttemptEffect;

export const progressionEffectOf = (db: Kysely<Database>, actor: Actor, attemptId: string): Promise<ProgressionEffect | null> =>
	progressEffectOfAttempt(db, actor, attemptId);

export interface DebriefView {
	attempt: { id: string; status: AttemptStatus; statusLabel: string; startedAt: string; finishedAt: string | null };
	scenario: { id: string; title: string; channelLabel: string; family: string; personaName: string };
	result: DebriefResult | null;
	decisions: Decision[];
	/** How the contact ended, in the customer's last words and the author's explanation. */
	ending: { customer: string; debrief: string | null } | null;
	map: ScenarioMap;
	/** Set when a reviewer changed the score on appeal: `result` is then the effective score. */
	adjustment: ScoreAdjustment | null;
}

/** `state.score` is the score people see: the engine's, or the effective one after an appeal. */
export function debriefView(state: PlayState, adjustment: ScoreAdjustment | null = null): DebriefView {
	const { attempt, runtime, walk, score } = state;
	const { scenario } = runtime;
	const decisions = walk.transcript.flatMap((entry, i): Decision[] => {
		if (!entry.choice) return [];
		const review = score?.turns.find((t) => t.index === i);
		return [
			{
				turn: i + 1,
				customer: entry.customer,
				chosenText: entry.choice.text,
				activity: entry.choice.action === 'say' ? null : ACTION_LABELS[entry.choice.action as AgentAction],
				review: review
					? { wasBest: review.wasBest, bestText: review.bestText, rationale: review.rationale ?? null, bestRationale: review.bestRationale ?? null }
					: null
			}
		];
	});
	return {
		attempt: { id: attempt.id, status: attempt.status, statusLabel: ATTEMPT_STATUS_LABELS[attempt.status], startedAt: attempt.startedAt, finishedAt: attempt.finishedAt },
		scenario: {
			id: scenario.id,
			title: scenario.title,
			channelLabel: CHANNEL_LABELS[scenario.channel],
			family: FAMILY_LABELS[scenario.family],
			personaName: scenario.persona.name
		},
		result: score && {
			total: score.total,
			passed: score.passed,
			passMark: score.passMark,
			outcome: outcomeLabel(score.outcome),
			elapsedSeconds: score.elapsedSeconds,
			targetSeconds: score.targetSeconds,
			criteria: score.criteria.map(({ id, label, weight, score }) => ({ id, label, weight, score })),
			criticalFailures: score.criticalFailures.map((f) => ({
				turn: f.turn + 1,
				criterion: score.criteria.find((c) => c.id === f.criterionId)?.label ?? f.criterionId,
				message: f.message,
				scope: f.scope
			}))
		},
		decisions,
		ending: walk.turn.ended ? { customer: walk.turn.customer, debrief: walk.turn.debrief ?? null } : null,
		map: scenarioMap(scenario, walk.transcript.map((t) => t.nodeId)),
		adjustment
	};
}
