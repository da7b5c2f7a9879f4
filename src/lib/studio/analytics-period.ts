/* The period filter of scenario analytics: a preset counted back from today, or explicit days. */

export const PERIODS = ['7', '30', '90', 'all', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<Period, string> = {
	'7': 'Last 7 days',
	'30': 'Last 30 days',
	'90': 'Last 90 days',
	all: 'All time',
	custom: 'From and to dates'
};

const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The inclusive UTC days a period covers; `today` is a YYYY-MM-DD day. "Last 7 days" is today
 * and the six before it. A custom period may leave either end open.
 */
export function periodDays(period: Period, today: string, custom: { from?: string; to?: string } = {}): { from?: string; to?: string } {
	if (period === 'all') return {};
	if (period === 'custom') return { from: custom.from || undefined, to: custom.to || undefined };
	const back = Number(period) - 1;
	return { from: isoDay(Date.parse(`${today}T00:00:00Z`) - back * DAY_MS), to: today };
}

/** A range of roll-up rows of one grain: days (YYYY-MM-DD) or months (YYYY-MM), inclusive. */
export type RollupRange = { grain: 'd' | 'm'; from: string; to: string };

const monthAfter = (month: string) => isoDay(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).slice(0, 7);
const monthBefore = (month: string) => isoDay(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).slice(0, 7);
const lastDayOf = (month: string) => isoDay(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
const dayBefore = (day: string) => isoDay(Date.parse(`${day}T00:00:00Z`) - DAY_MS);
const dayAfter = (day: string) => isoDay(Date.parse(`${day}T00:00:00Z`) + DAY_MS);

/**
 * The fewest rows that cover a period exactly: the whole months inside it from the monthly rows,
 * the days of the partial months at either end from the daily ones. An open end reaches all rows.
 */
export function rollupRanges(from?: string, to?: string): RollupRange[] {
	const firstMonth = !from ? '0000-01' : from.endsWith('-01') ? from.slice(0, 7) : monthAfter(from.slice(0, 7));
	const lastMonth = !to ? '9999-12' : to === lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : monthBefore(to.slice(0, 7));
	if (firstMonth > lastMonth) return [{ grain: 'd', from: from ?? '0000-01-01', to: to ?? '9999-12-31' }];
	const ranges: RollupRange[] = [{ grain: 'm', from: firstMonth, to: lastMonth }];
	if (from && from < `${firstMonth}-01`) ranges.push({ grain: 'd', from, to: dayBefore(`${firstMonth}-01`) });
	if (to && to > lastDayOf(lastMonth)) ranges.push({ grain: 'd', from: dayAfter(lastDayOf(lastMonth)), to });
	return ranges;
}
