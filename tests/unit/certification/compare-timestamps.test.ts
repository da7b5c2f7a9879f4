import { describe, expect, it } from 'vitest';
import { compareTimestamps } from '$lib/certification/dates';
import { seededRandom } from '../../factories/random-history';

const sign = (n: number) => Math.sign(n);

describe('compareTimestamps', () => {
	it('orders stored timestamps exactly as localeCompare does', () => {
		const r = seededRandom(7);
		const base = Date.UTC(2020, 0, 1);
		const stamps = Array.from({ length: 400 }, () => new Date(base + r.int(3) * r.int(2_000_000_000) + r.int(1000)).toISOString());
		stamps.push(stamps[0], stamps[1]);
		for (let i = 0; i < stamps.length; i++) {
			for (let j = 0; j < stamps.length; j += 7) expect(sign(compareTimestamps(stamps[i], stamps[j]))).toBe(sign(stamps[i].localeCompare(stamps[j])));
		}
	});

	it('leaves any other form to localeCompare', () => {
		const pairs = [
			['2025-03-02T12:00:00Z', '2025-03-02T12:00:00.000Z'],
			['2025-03-02T12:00:00.000+01:00', '2025-03-02T12:00:00.000Z'],
			['2025-03-02', '2025-03-02T00:00:00.000Z']
		];
		for (const [a, b] of pairs) {
			expect(sign(compareTimestamps(a, b))).toBe(sign(a.localeCompare(b)));
			expect(sign(compareTimestamps(b, a))).toBe(sign(b.localeCompare(a)));
		}
	});
});
