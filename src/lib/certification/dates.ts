/** Calendar arithmetic in UTC on ISO-8601 timestamps, so results never depend on the server's zone. */
export const DAY_MS = 86_400_000;

export const addDays = (iso: string, days: number): string => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/** Same day of the month, months later; the 31st lands on the month's last day rather than spilling over. */
export const addMonths = (iso: string, months: number): string => {
	const date = new Date(iso);
	const day = date.getUTCDate();
	date.setUTCDate(1);
	date.setUTCMonth(date.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
	date.setUTCDate(Math.min(day, lastDay));
	return date.toISOString();
};

/** Whole days from `from` until `to`, rounded up: "expires in 3 days" while any part of the third remains. */
export const daysUntil = (from: string, to: string): number => Math.ceil((Date.parse(to) - Date.parse(from)) / DAY_MS);

export const later = (a: string, b: string): string => (a > b ? a : b);

// The form `toISOString` writes, which every stored timestamp has: `2026-11-23T03:41:46.123Z`.
const isCanonical = (iso: string) => iso.length === 24 && iso.charCodeAt(10) === 84 && iso.charCodeAt(19) === 46 && iso.charCodeAt(23) === 90;

/**
 * Orders two timestamps exactly as `a.localeCompare(b)` does. In the canonical form, where only
 * digits differ, that is plain string order, several times cheaper: an evaluation sorts a
 * learner's history once per requirement and badge. Any other form goes through localeCompare.
 */
export const compareTimestamps = (a: string, b: string): number =>
	isCanonical(a) && isCanonical(b) ? (a < b ? -1 : a > b ? 1 : 0) : a.localeCompare(b);
