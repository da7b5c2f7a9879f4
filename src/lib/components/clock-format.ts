/** Simulated seconds as a call timer shows them: 7:05, or 1:02:30 past an hour. */
export const formatClock = (seconds: number): string => {
	const s = Math.max(0, Math.round(seconds));
	const hours = Math.floor(s / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	const rest = String(s % 60).padStart(2, '0');
	return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
};

/** The same duration in words, for screen readers: "7 minutes 5 seconds". */
export const spokenDuration = (seconds: number): string => {
	const s = Math.max(0, Math.round(seconds));
	const minutes = Math.floor(s / 60);
	const parts = [minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '', s % 60 ? `${s % 60} second${s % 60 === 1 ? '' : 's'}` : ''];
	return parts.filter(Boolean).join(' ') || '0 seconds';
};
