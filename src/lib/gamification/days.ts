/**
 * Practice days and weeks, in UTC: a day is `YYYY-MM-DD`, a week is named by its Monday.
 * (UTC keeps every instance and the database agreeing on which day an attempt belongs to.)
 */
const DAY_MS = 86_400_000;

export const dayOf = (iso: string): string => iso.slice(0, 10);

const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const fromDayNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDaysTo = (day: string, days: number): string => fromDayNumber(dayNumber(day) + days);

export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The Monday starting the ISO week that contains `day` (or the instant `iso`). */
export const weekOf = (dayOrIso: string): string => {
	const n = dayNumber(dayOf(dayOrIso));
	// Day 0 of the epoch (1970-01-01) was a Thursday; shift so Monday is 0.
	const weekday = (n + 3) % 7;
	return fromDayNumber(n - weekday);
};
