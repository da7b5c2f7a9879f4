/**
 * Where one person stands on one assignment. Pure: the repository gathers the facts, this decides.
 *
 * - done: a scenario passed, or a track's certification held. Passing is what trainers mean by
 *   "done"; a failed run still shows as effort.
 * - attempted: a finished run of the scenario that failed, and no pass yet.
 * - started: a run begun but not finished (in progress, or abandoned).
 * - not-started: nothing since the assignment was made.
 */
export type AssigneeState = 'done' | 'attempted' | 'started' | 'not-started';

export const STATE_LABELS: Record<AssigneeState, string> = {
	done: 'Completed',
	attempted: 'Attempted, not passed yet',
	started: 'Started, not finished',
	'not-started': 'Not started'
};

/** The latest start time of each kind of non-playtest attempt of one scenario by one person. */
export interface ScenarioFacts {
	lastPassedStart: string | null;
	lastFailedStart: string | null;
	/** In progress or abandoned. */
	lastUnfinishedStart: string | null;
}

export const NO_FACTS: ScenarioFacts = { lastPassedStart: null, lastFailedStart: null, lastUnfinishedStart: null };

/** Only attempts started after the assignment count: an old pass does not complete new homework. */
export function scenarioState(facts: ScenarioFacts, assignedAt: string): AssigneeState {
	const since = (startedAt: string | null) => startedAt !== null && startedAt >= assignedAt;
	if (since(facts.lastPassedStart)) return 'done';
	if (since(facts.lastFailedStart)) return 'attempted';
	if (since(facts.lastUnfinishedStart)) return 'started';
	return 'not-started';
}

/** A track is done when its certification is held (earned, not expired, not revoked), whenever earned. */
export const trackState = (certified: boolean): AssigneeState => (certified ? 'done' : 'not-started');

/** The UTC calendar day of an ISO timestamp: due dates are days, compared as text. */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** Overdue: the due day has passed and it is not done. Due today is not overdue yet. */
export const isOverdue = (state: AssigneeState, dueOn: string, today: string): boolean => state !== 'done' && today > dueOn;

/** Why a due day cannot be used for a new assignment, or null when it can. */
export function dueDateProblem(dueOn: string, today: string): string | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || Number.isNaN(Date.parse(`${dueOn}T00:00:00Z`))) return 'Enter the due date as a date';
	if (new Date(`${dueOn}T00:00:00Z`).toISOString().slice(0, 10) !== dueOn) return 'Enter a real calendar date';
	if (dueOn < today) return 'Choose a due date from today on, not in the past';
	return null;
}

export interface CompletionSummary {
	total: number;
	done: number;
	attempted: number;
	started: number;
	notStarted: number;
	overdue: number;
}

export function summarise(states: readonly AssigneeState[], dueOn: string, today: string): CompletionSummary {
	const summary: CompletionSummary = { total: states.length, done: 0, attempted: 0, started: 0, notStarted: 0, overdue: 0 };
	for (const state of states) {
		if (state === 'done') summary.done++;
		else if (state === 'attempted') summary.attempted++;
		else if (state === 'started') summary.started++;
		else summary.notStarted++;
		if (isOverdue(state, dueOn, today)) summary.overdue++;
	}
	return summary;
}

/** Due soonest first; on the same day the older assignment first, so the order never flickers. */
export const byDueDate = <T extends { dueOn: string; createdAt: string }>(a: T, b: T): number =>
	a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt);

// One formatter for every call (toLocaleDateString builds one each time): lists show many due days.
const DUE_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "30 November 2026": a due day the same on every screen. */
export const formatDay = (day: string): string => DUE_DAY.format(new Date(`${day}T00:00:00Z`));

/** When the oldest of these assignments was made: attempts before it cannot count for any of them. */
export const earliestCreated = (assignments: readonly { createdAt: string }[]): string =>
	assignments.reduce((min, a) => (a.createdAt < min ? a.createdAt : min), assignments[0]?.createdAt ?? '');
