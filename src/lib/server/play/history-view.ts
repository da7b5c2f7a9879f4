import type { Kysely } from 'kysely';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import type { Actor } from '../access';
import { listScoredAttemptsOf, type ScoredAttempt } from '../db/attempts';
import { latestVersions } from '../db/content-versions';
import type { AttemptStatus, Database } from '../db/schema';

export const ATTEMPT_STATUS_LABELS: Record<AttemptStatus, string> = {
	in_progress: 'In progress',
	passed: 'Passed',
	failed: 'Failed',
	abandoned: 'Abandoned'
};

export interface HistoryRow {
	id: string;
	scenarioId: string;
	title: string;
	startedAt: string;
	status: AttemptStatus;
	statusLabel: string;
	score: number | null;
	/** In-progress attempts continue on the play page; the rest open their debrief. */
	href: string;
}

export interface CriterionTrend {
	criterionId: string;
	label: string;
	/** Oldest first. */
	scores: number[];
	latest: number;
	change: number;
}

export interface RubricTrends {
	rubricId: string;
	title: string;
	attempts: number;
	criteria: CriterionTrend[];
}

export const historyRows = (attempts: readonly ScoredAttempt[], titles: ReadonlyMap<string, string>): HistoryRow[] =>
	attempts.map((a) => ({
		id: a.id,
		scenarioId: a.scenarioId,
		title: titles.get(a.scenarioId) ?? a.scenarioId,
		startedAt: a.startedAt,
		status: a.status,
		statusLabel: ATTEMPT_STATUS_LABELS[a.status],
		score: a.scoreTotal,
		href: a.status === 'in_progress' ? `/play/${a.id}` : `/attempts/${a.id}`
	}));

/** Each rubric criterion's scores over the learner's finished attempts, oldest first. */
export function criterionTrends(attempts: readonly ScoredAttempt[], rubricTitles: ReadonlyMap<string, string>): RubricTrends[] {
	const finished = attempts.filter((a) => a.score).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
	const byRubric = new Map<string, ScoredAttempt[]>();
	for (const a of finished) byRubric.set(a.rubricId, [...(byRubric.get(a.rubricId) ?? []), a]);
	return [...byRubric].map(([rubricId, list]) => {
		const criteria = new Map<string, { label: string; scores: number[] }>();
		for (const a of list)
			for (const c of a.score!.criteria) {
				if (c.score === null) continue;
				const entry = criteria.get(c.id) ?? { label: c.label, scores: [] };
				entry.scores.push(c.score);
				criteria.set(c.id, entry);
			}
		return {
			rubricId,
			title: rubricTitles.get(rubricId) ?? rubricId,
			attempts: list.length,
			criteria: [...criteria].map(([criterionId, { label, scores }]) => ({
				criterionId,
				label,
				scores,
				latest: scores.at(-1)!,
				change: Math.round((scores.at(-1)! - scores[0]) * 10) / 10
			}))
		};
	});
}

const titlesOf = (versions: { id: string; title: string }[]) => new Map(versions.map((v) => [v.id, v.title]));

export interface HistoryView {
	rows: HistoryRow[];
	trends: RubricTrends[];
}

/** The learner's attempts, newest first, and how each rubric criterion has moved; optionally for one scenario. */
export async function historyView(db: Kysely<Database>, actor: Actor, only?: { scenarioId: string; rubricId: string }): Promise<HistoryView> {
	const [attempts, scenarios, rubrics] = await Promise.all([
		listScoredAttemptsOf(db, actor.id),
		latestVersions<Scenario>(db, 'scenario'),
		latestVersions<Rubric>(db, 'rubric')
	]);
	const rows = historyRows(only ? attempts.filter((a) => a.scenarioId === only.scenarioId) : attempts, titlesOf(scenarios));
	const trends = criterionTrends(only ? attempts.filter((a) => a.rubricId === only.rubricId) : attempts, titlesOf(rubrics));
	return { rows, trends };
}
