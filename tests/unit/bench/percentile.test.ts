import { describe, expect, it } from 'vitest';
import { percentile } from '../../../bench/percentile';

describe('percentile (the bench’s latency figures)', () => {
	it('takes the nearest rank, whatever order the values came in', () => {
		const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
		expect(percentile(values, 50)).toBe(5);
		expect(percentile(values, 95)).toBe(10);
		expect(percentile(values, 10)).toBe(1);
	});

	it('rounds to a tenth and leaves its input as it was', () => {
		const values = [2.26, 1.04];
		expect(percentile(values, 99)).toBe(2.3);
		expect(values).toEqual([2.26, 1.04]);
	});

	it('is 0 for no values rather than undefined', () => {
		expect(percentile([], 99)).toBe(0);
	});
});
