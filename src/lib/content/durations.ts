// Trainers think in minutes, not seconds: accept "7m", "6m30s", "90s", "1h" or a plain number of seconds.
const DURATION = /^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$/;

export const parseDuration = (value: unknown): number | undefined => {
	if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const match = DURATION.exec(value);
	if (!match) return undefined;
	const [, hours = '0', minutes = '0', seconds = '0'] = match;
	return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
};

export const formatDuration = (totalSeconds: number): string => {
	const minutes = Math.floor(totalSeconds / 60);
	const seconds = totalSeconds % 60;
	if (minutes === 0) return `${seconds}s`;
	return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
};
