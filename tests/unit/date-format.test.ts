import { describe, expect, it } from 'vitest';
import { formatDate } from '$lib/components/progress/format';

describe('formatDate', () => {
	it('names the UTC day, whatever the time of day', () => {
		expect(formatDate('2025-03-12T23:59:59.000Z')).toBe('12 March 2025');
		expect(formatDate('2024-02-29T00:00:00.000Z')).toBe('29 February 2024');
	});

	it('gives each date its own day when called many times in a row', () => {
		const days = ['2026-01-01T10:00:00Z', '2026-11-23T03:00:00Z', '2026-01-01T10:00:00Z'].map(formatDate);
		expect(days).toEqual(['1 January 2026', '23 November 2026', '1 January 2026']);
	});
});
