import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '$lib/content/durations';

describe('parseDuration', () => {
	it('reads minutes, seconds, hours and plain seconds', () => {
		expect(parseDuration('7m')).toBe(420);
		expect(parseDuration('6m30s')).toBe(390);
		expect(parseDuration('90s')).toBe(90);
		expect(parseDuration('1h')).toBe(3600);
		expect(parseDuration(45)).toBe(45);
	});

	it('rejects anything else', () => {
		expect(parseDuration('soon')).toBeUndefined();
		expect(parseDuration('')).toBeUndefined();
		expect(parseDuration(1.5)).toBeUndefined();
		expect(parseDuration(-3)).toBeUndefined();
	});
});

describe('formatDuration', () => {
	it('writes durations the way trainers do', () => {
		expect(formatDuration(420)).toBe('7m');
		expect(formatDuration(390)).toBe('6m30s');
		expect(formatDuration(45)).toBe('45s');
	});
});
