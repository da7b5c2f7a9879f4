import type { ScoredAttempt } from '../db/attempts';

export const SCENARIO_STATUSES = ['new', 'in-progress', 'passed', 'failed'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

export const STATUS_LABELS: Record<ScenarioStatus, string> = {
	new: 'New',
	'in-progress': 'In progress',
	passed: 'Passed',
	failed: 'Failed'
};

/** Where one learner stands on one scenario, from their attempts at it. */
export interface ScenarioProgress {
	status: ScenarioStatus;
	bestScore: number | null;
	/** The newest unfinished attempt, so the catalog can offer "resume" rather than a second start. */
	resumeAttemptId: string | null;
	finished: number;
}

const NOT_PLAYED: ScenarioProgress = { status: 'new', bestScore: null, resumeAttemptId: null, finished: 0 };

/**
 * Passed once any attempt passed; otherwise an open attempt counts before a failure, because
 * resuming it is what the learner most likely wants. Abandoned attempts leave a scenario "new".
 */
export function progressByScenario(attempts: readonly ScoredAttempt[]): (scenarioId: string) => ScenarioProgress {
	const byScenario = new Map<string, ScoredAttempt[]>();
	for (const a of attempts) byScenario.set(a.scenarioId, [...(byScenario.get(a.scenarioId) ?? []), a]);
	const progress = new Map<string, ScenarioProgress>();
	for (const [id, list] of byScenario) {
		const finished = list.filter((a) => a.status === 'passed' || a.status === 'failed');
		const open = list.find((a) => a.status === 'in_progress');
		const scores = finished.map((a) => a.scoreTotal).filter((s): s is number => s !== null);
		const status: ScenarioStatus = finished.some((a) => a.status === 'passed')
			? 'passed'
			: open
				? 'in-progress'
				: finished.length
					? 'failed'
					: 'new';
		progress.set(id, {
			status,
			bestScore: scores.length ? Math.max(...scores) : null,
			resumeAttemptId: open?.id ?? null,
			finished: finished.length
		});
	}
	return (scenarioId) => progress.get(scenarioId) ?? NOT_PLAYED;
}

export interface CriterionAverage {
	rubricId: string;
	criterionId: string;
	label: string;
	/** Evidence-measured criteria are practised only where options carry evidence for them. */
	measure: string;
	average: number;
	samples: number;
}

/** Average score per rubric criterion over finished attempts; criteria that never applied are left out. */
export function criterionAverages(attempts: readonly ScoredAttempt[]): CriterionAverage[] {
	const sums = new Map<string, CriterionAverage & { total: number }>();
	for (const attempt of attempts) {
		for (const c of attempt.score?.criteria ?? []) {
			if (c.score === null) continue;
			const key = `${attempt.rubricId}:${c.id}`;
			const entry = sums.get(key) ?? { rubricId: attempt.rubricId, criterionId: c.id, label: c.label, measure: c.measure, average: 0, samples: 0, total: 0 };
			entry.total += c.score;
			entry.samples += 1;
			sums.set(key, entry);
		}
	}
	return [...sums.values()].map(({ total, ...entry }) => ({ ...entry, average: Math.round((total / entry.samples) * 10) / 10 }));
}
