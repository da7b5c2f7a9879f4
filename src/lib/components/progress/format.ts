/** "12 March 2025", in UTC like every date the server stores: the same day on every screen. */
export const formatDate = (iso: string): string =>
	new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
