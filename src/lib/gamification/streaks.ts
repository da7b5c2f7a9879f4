import { addDaysTo, daysBetween, weekOf } from './days';

/**
 * A streak of practice days, kept as a small roll-up so no page has to scan every attempt.
 * One missed day per week is forgiven (the weekly freeze): life happens, and a streak that
 * dies on the first sick day teaches people to stop caring about it.
 */
export interface StreakState {
	current: number;
	longest: number;
	/** The last day with a finished attempt, `YYYY-MM-DD` (UTC). */
	lastDay: string | null;
	/** The week (its Monday) whose freeze was used most recently. */
	freezeWeek: string | null;
}

export const NO_STREAK: StreakState = { current: 0, longest: 0, lastDay: null, freezeWeek: null };

/**
 * Freezes each missed day in turn; fails if two missed days fall in the same week, or in the
 * week whose freeze is already spent. Returns the last week frozen, or false when the streak broke.
 */
function freezeGap(lastDay: string, nextDay: string, freezeWeek: string | null): string | null | false {
	let spent = freezeWeek;
	for (let day = addDaysTo(lastDay, 1); day < nextDay; day = addDaysTo(day, 1)) {
		const week = weekOf(day);
		if (week === spent) return false;
		spent = week;
	}
	return spent;
}

/** The state after practising on `day`. Days are applied in order; an earlier day changes nothing. */
export function recordPracticeDay(state: StreakState, day: string): StreakState {
	if (state.lastDay !== null && day <= state.lastDay) return state;
	let current = 1;
	let freezeWeek = state.freezeWeek;
	if (state.lastDay !== null) {
		const frozen = daysBetween(state.lastDay, day) === 1 ? freezeWeek : freezeGap(state.lastDay, day, freezeWeek);
		if (frozen !== false) {
			current = state.current + 1;
			freezeWeek = frozen;
		}
	}
	return { current, longest: Math.max(state.longest, current), lastDay: day, freezeWeek };
}

export interface StreakStanding {
	/** Days in the streak as of today; 0 once it is broken. */
	current: number;
	longest: number;
	practisedToday: boolean;
	/** Whether this week's freeze is still there to cover a missed day. */
	freezeAvailable: boolean;
}

/** The streak as seen on `today`: still alive if every day missed since the last practice can be frozen. */
export function streakOn(state: StreakState, today: string): StreakStanding {
	const alive = state.lastDay !== null && (state.lastDay >= today || freezeGap(state.lastDay, today, state.freezeWeek) !== false);
	const spentWeek = alive && state.lastDay !== null && state.lastDay < today ? freezeGap(state.lastDay, today, state.freezeWeek) : state.freezeWeek;
	return {
		current: alive ? state.current : 0,
		longest: state.longest,
		practisedToday: state.lastDay === today,
		freezeAvailable: spentWeek !== weekOf(today)
	};
}
