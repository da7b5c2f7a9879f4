import type { Kysely } from 'kysely';
import { formatDay } from '../../assignments/assignee-status';
import type { Actor } from '../access';
import { learnerAssignments } from '../assignments/learner-assignments';
import type { ScoredAttempt } from '../db/attempts';
import type { Database } from '../db/schema';
import type { CatalogEntry } from './catalog';
import { FAMILY_LABELS, oneLine } from './labels';
import { criterionAverages, type ScenarioProgress } from './learner-progress';

export interface NextUpItem {
	scenarioId: string;
	title: string;
	family: string;
	difficulty: number;
	reason: string;
	resumeAttemptId: string | null;
}

export interface OnboardingStep extends NextUpItem {
	day: number;
	state: 'done' | 'current' | 'upcoming';
}

/** What the learner should play next, in the order the catalog shows it. */
export interface NextUp {
	assignments: NextUpItem[];
	onboarding: OnboardingStep[] | null;
	recommendation: NextUpItem | null;
}

const ONBOARDING_DAYS = 5;
/** Someone whose first attempt is older than this is past their first weeks: no onboarding path. */
const NEW_HIRE_DAYS = 14;

const isNewHire = (actor: Actor, attempts: readonly ScoredAttempt[], now: number) => {
	if (actor.role !== 'learner') return false;
	const first = attempts.reduce<string | null>((oldest, a) => (oldest === null || a.startedAt < oldest ? a.startedAt : oldest), null);
	return first === null || now - Date.parse(first) < NEW_HIRE_DAYS * 86_400_000;
};

const item = (entry: CatalogEntry, progress: ScenarioProgress, reason: string): NextUpItem => ({
	scenarioId: entry.id,
	title: entry.title,
	family: FAMILY_LABELS[entry.family],
	difficulty: entry.difficulty,
	reason,
	resumeAttemptId: progress.resumeAttemptId
});

/**
 * The learner's open scenario assignments not yet passed, due soonest first (tracks show as quests on
 * /progress). A scenario assigned twice shows once, under its soonest due date.
 */
export async function assignmentsFor(
	db: Kysely<Database>,
	actor: Actor,
	entries: readonly CatalogEntry[],
	progressOf: (id: string) => ScenarioProgress
): Promise<NextUpItem[]> {
	const playable = new Map(entries.map((e) => [e.id, e]));
	const shown = new Set<string>();
	return (await learnerAssignments(db, actor)).flatMap((a) => {
		const entry = playable.get(a.contentId);
		if (a.kind !== 'scenario' || a.state === 'done' || !entry || shown.has(a.contentId)) return [];
		shown.add(a.contentId);
		const due = `${a.overdue ? 'Overdue: was due' : 'Due'} ${formatDay(a.dueOn)}.`;
		return [item(entry, progressOf(entry.id), a.note ? `${due} ${a.note}` : due)];
	});
}

/**
 * A first week from easy to hard: each day the easiest scenario left, preferring a family not yet
 * on the path, so a new hire meets every kind of conversation before the hard ones.
 */
export function onboardingPath(entries: readonly CatalogEntry[], progressOf: (id: string) => ScenarioProgress): OnboardingStep[] {
	const remaining = [...entries];
	const families = new Map<string, number>();
	const picked: CatalogEntry[] = [];
	while (picked.length < ONBOARDING_DAYS && remaining.length) {
		remaining.sort(
			(a, b) => a.difficulty - b.difficulty || (families.get(a.family) ?? 0) - (families.get(b.family) ?? 0) || a.title.localeCompare(b.title)
		);
		const next = remaining.shift()!;
		families.set(next.family, (families.get(next.family) ?? 0) + 1);
		picked.push(next);
	}
	let currentSeen = false;
	return picked.map((entry, i) => {
		const progress = progressOf(entry.id);
		const done = progress.status === 'passed';
		const state = done ? 'done' : currentSeen ? 'upcoming' : 'current';
		if (!done) currentSeen = true;
		return { ...item(entry, progress, `${entry.persona.name}: ${oneLine(entry.persona.situation)}`), day: i + 1, state };
	});
}

/** A scenario that exercises the learner's weakest criterion, preferring ones not yet passed, easiest first. */
export function recommendForWeakest(
	entries: readonly CatalogEntry[],
	attempts: readonly ScoredAttempt[],
	progressOf: (id: string) => ScenarioProgress
): NextUpItem | null {
	const weakest = criterionAverages(attempts).sort((a, b) => a.average - b.average);
	for (const criterion of weakest) {
		const candidates = entries
			.filter((e) => e.rubric === criterion.rubricId && (criterion.measure !== 'evidence' || e.practises.includes(criterion.criterionId)))
			.sort(
				(a, b) =>
					Number(progressOf(a.id).status === 'passed') - Number(progressOf(b.id).status === 'passed') ||
					(progressOf(a.id).bestScore ?? -1) - (progressOf(b.id).bestScore ?? -1) ||
					a.difficulty - b.difficulty
			);
		if (candidates.length) {
			const reason = `Your weakest skill so far is ${criterion.label} (average ${criterion.average} of 100). This scenario practises it.`;
			return item(candidates[0], progressOf(candidates[0].id), reason);
		}
	}
	return null;
}

export async function nextUpFor(
	db: Kysely<Database>,
	actor: Actor,
	entries: readonly CatalogEntry[],
	attempts: readonly ScoredAttempt[],
	progressOf: (id: string) => ScenarioProgress
): Promise<NextUp> {
	const path = isNewHire(actor, attempts, Date.now()) ? onboardingPath(entries, progressOf) : [];
	return {
		assignments: await assignmentsFor(db, actor, entries, progressOf),
		// The path is for the first week: once every step is passed it makes way for the rest.
		onboarding: path.length && path.some((s) => s.state !== 'done') ? path : null,
		recommendation: recommendForWeakest(entries, attempts, progressOf)
	};
}
