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
