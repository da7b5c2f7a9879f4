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
