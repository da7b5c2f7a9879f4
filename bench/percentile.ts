/** The nearest-rank percentile `p` (0–100) of `values`, to a tenth; 0 when there are none. */
export const percentile = (values: number[], p: number) => {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] * 10) / 10;
};
