// One formatter for every call: toLocaleDateString builds a new Intl.DateTimeFormat each time,
// which made a team page's hundred-odd dates a visible part of its render.
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12 March 2025", in UTC like every date the server stores: the same day on every screen. */
export const formatDate = (iso: string): string => DAY_MONTH_YEAR.format(new Date(iso));
