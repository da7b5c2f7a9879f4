import type { Requirement, Track } from '../content/track-schema';
import { addDays, compareTimestamps } from './dates';
import type { AttemptRecord, CalibrationRecord, CriterionScale } from './records';

/** Proficiency looks at the most recent attempts only, each older one counting this much less. */
export const PROFICIENCY_WINDOW = 10;
export const PROFICIENCY_DECAY = 0.75;
/** One lucky attempt is not proficiency. */
export const PROFICIENCY_MIN_SAMPLES = 2;

export interface RequirementProgress {
	id: string;
	kind: Requirement['kind'];
	met: boolean;
	/** How far along: passes, distinct scenarios, a level (floored to one decimal) or calibrations. */
	current: number;
	target: number;
	/** Proficiency only: attempts that rated the criterion. */
	samples?: number;
	/** Failed tries in the retake window that count against the limit now. */
	failedRecently: number;
	maxFailed: number;
	/** While in the future, tries do not count and the learner is asked to get coaching first. */
	coolingDownUntil: string | null;
}

export interface RequirementFacts {
	trackId: string;
	/** Finished attempts inside the counting window. */
	attempts: readonly AttemptRecord[];
	calibrations: readonly CalibrationRecord[];
	retakes: Track['retakes'];
	criterionScale: CriterionScale;
	now: string;
}

type Try = { at: string; ok: boolean; key: string };

/**
 * Walks the tries in time order. Each failure inside `window_days` counts toward `max_failed`;
 * reaching it starts a cool-down during which tries neither pass nor fail the requirement.
 * Once the cool-down ends the count starts again. A met requirement ignores later tries.
 */
export function foldTries(tries: readonly Try[], needed: number, retakes: Track['retakes'], now: string) {
	const done = new Set<string>();
	let failures: string[] = [];
	let coolingDownUntil: string | null = null;
	for (const t of [...tries].sort((a, b) => compareTimestamps(a.at, b.at))) {
		if (done.size >= needed) break;
		if (coolingDownUntil !== null) {
			if (t.at < coolingDownUntil) continue;
			coolingDownUntil = null;
			failures = [];
		}
		if (t.ok) {
			done.add(t.key);
			continue;
		}
		const windowStart = addDays(t.at, -retakes.window_days);
		failures = [...failures.filter((f) => f > windowStart), t.at];
		if (failures.length >= retakes.max_failed) coolingDownUntil = addDays(t.at, retakes.cool_down_days);
	}
	const met = done.size >= needed;
	if (coolingDownUntil !== null && coolingDownUntil <= now) {
		coolingDownUntil = null;
		failures = [];
	}
	const windowStart = addDays(now, -retakes.window_days);
	return {
		met,
		current: Math.min(done.size, needed),
		failedRecently: met ? 0 : failures.filter((f) => f > windowStart).length,
		coolingDownUntil: met ? null : coolingDownUntil
	};
}

const qualifies = (a: AttemptRecord, minScore: number) => a.passed && a.score >= minScore;

/** Recent attempts weigh more: the newest counts 1, the one before 0.75, then 0.56 … */
export function proficiencyLevel(scoresNewestFirst: readonly number[], maxLevel: number): number {
	const recent = scoresNewestFirst.slice(0, PROFICIENCY_WINDOW);
	if (recent.length === 0) return 0;
	let sum = 0;
	let weights = 0;
	recent.forEach((score, k) => {
		const weight = PROFICIENCY_DECAY ** k;
		sum += score * weight;
		weights += weight;
	});
	// Rounded first so a run of perfect scores is exactly the top level, not 2.9999999.
	const average = Math.round((sum / weights) * 1e6) / 1e6;
	return (average / 100) * maxLevel;
}

/**
 * Whether a requirement counts this attempt at all (inside its window). The one place that says
 * so: the evaluator filters by it, and the ladder before an attempt re-evaluates only the tracks
 * with a requirement that reads that attempt.
 */
export function readsAttempt(req: Requirement, a: AttemptRecord): boolean {
	switch (req.kind) {
		case 'scenarios':
			return req.scenarios.includes(a.scenarioId);
		case 'family':
			return a.family === req.family && a.difficulty >= req.min_difficulty;
		case 'proficiency':
			return a.rubricId === req.rubric && typeof a.criteria[req.criterion] === 'number';
		case 'calibration':
			return false;
	}
}

/** The criterion ids these requirements read from attempts: the evaluator looks at no other criterion. */
export const criteriaReadBy = (requirements: readonly Requirement[]): string[] =>
	requirements.flatMap((req) => (req.kind === 'proficiency' ? [req.criterion] : []));

export function requirementProgress(req: Requirement, facts: RequirementFacts): RequirementProgress {
	const { retakes, now } = facts;
	const base = { id: req.id, kind: req.kind, maxFailed: retakes.max_failed };
	if (req.kind === 'proficiency') {
		const scores = facts.attempts
			.filter((a) => readsAttempt(req, a))
			.sort((a, b) => compareTimestamps(b.finishedAt, a.finishedAt))
			.map((a) => a.criteria[req.criterion] as number);
		const level = proficiencyLevel(scores, facts.criterionScale(req.rubric, req.criterion) ?? req.min_level);
		const samples = Math.min(scores.length, PROFICIENCY_WINDOW);
		const met = samples >= PROFICIENCY_MIN_SAMPLES && level >= req.min_level;
		return { ...base, met, current: Math.floor(level * 10) / 10, target: req.min_level, samples, failedRecently: 0, coolingDownUntil: null };
	}
	let tries: Try[];
	let needed: number;
	if (req.kind === 'scenarios') {
		tries = facts.attempts
			.filter((a) => readsAttempt(req, a))
			.map((a) => ({ at: a.finishedAt, ok: qualifies(a, req.min_score), key: a.scenarioId }));
		needed = new Set(req.scenarios).size;
	} else if (req.kind === 'family') {
		tries = facts.attempts
			.filter((a) => readsAttempt(req, a))
			.map((a) => ({ at: a.finishedAt, ok: qualifies(a, req.min_score), key: a.scenarioId }));
		needed = req.count;
	} else {
		tries = facts.calibrations
			.filter((c) => c.trackId === facts.trackId && c.requirementId === req.id)
			.map((c) => ({ at: c.submittedAt, ok: Math.abs(c.submittedScore - c.expertScore) <= req.tolerance && c.criteriaAgree !== false, key: 'calibrated' }));
		needed = 1;
	}
	return { ...base, ...foldTries(tries, needed, retakes, now), target: needed };
}
