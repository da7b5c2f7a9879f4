import type { ScoredAttempt } from '$lib/server/db/attempts';
import type { CatalogEntry } from '$lib/server/play/catalog';
import type { CriterionScore, ScoreResult } from '$lib/scoring/score-types';

let n = 0;

export const makeCatalogEntry = (over: Partial<CatalogEntry> = {}): CatalogEntry => {
	const id = over.id ?? `scenario-${++n}`;
	return {
		id,
		version: 1,
		title: `Scenario ${id}`,
		family: 'difficult-customer',
		channel: 'voice',
		difficulty: 1,
		summary: 'A customer calls.',
		persona: { name: 'Sam Lee', situation: 'Wants a refund. Has called twice.' },
		rubric: 'customer-service',
		practises: ['empathy'],
		...over
	};
};

export const makeCriterionScore = (over: Partial<CriterionScore> = {}): CriterionScore => ({
	id: 'empathy',
	label: 'Empathy',
	weight: 10,
	measure: 'evidence',
	score: 50,
	applicable: true,
	...over
});

export const makeScore = (criteria: CriterionScore[], over: Partial<ScoreResult> = {}): ScoreResult => ({
	total: 70,
	passed: false,
	passMark: 80,
	criteria,
	criticalFailures: [],
	turns: [],
	outcome: 'resolved',
	elapsedSeconds: 300,
	targetSeconds: 420,
	...over
});

export const makeScoredAttempt = (over: Partial<ScoredAttempt> = {}): ScoredAttempt => ({
	id: `attempt-${++n}`,
	userId: 'user-1',
	scenarioId: 'scenario-a',
	scenarioVersion: 1,
	rubricId: 'customer-service',
	rubricVersion: 1,
	status: 'failed',
	seq: 4,
	input: {},
	isPlaytest: false,
	scoreTotal: 70,
	startedAt: '2026-01-01T10:00:00.000Z',
	finishedAt: '2026-01-01T10:10:00.000Z',
	score: null,
	...over
});
