import { describe, expect, it } from 'vitest';
import { weekOf } from '$lib/gamification/days';
import { NO_STREAK, recordPracticeDay, streakOn, type StreakState } from '$lib/gamification/streaks';

const practise = (...days: string[]): StreakState => days.reduce(recordPracticeDay, NO_STREAK);

describe('practice streaks', () => {
	it('names a week by its Monday', () => {
		expect(weekOf('2025-03-05')).toBe('2025-03-03');
		expect(weekOf('2025-03-09T23:59:00.000Z')).toBe('2025-03-03');
		expect(weekOf('2025-03-10')).toBe('2025-03-10');
	});

	it('counts consecutive practice days and keeps the longest', () => {
		expect(practise('2025-03-03', '2025-03-04', '2025-03-05')).toMatchObject({ current: 3, longest: 3 });
	});

	it('counts a day once however many attempts it had', () => {
		expect(practise('2025-03-03', '2025-03-03', '2025-03-04').current).toBe(2);
	});

	it('freezes one missed day a week to keep the streak', () => {
		expect(practise('2025-03-03', '2025-03-05')).toMatchObject({ current: 2, freezeWeek: '2025-03-03' });
	});

	it('breaks on a second missed day in the same week', () => {
		expect(practise('2025-03-03', '2025-03-05', '2025-03-07').current).toBe(1);
	});

	it('has a new freeze each week', () => {
		// 4 March is frozen in the week of 3 March, 10 March in the week of 10 March.
		expect(practise('2025-03-03', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-11').current).toBe(7);
	});

	it('breaks on two missed days in a row inside one week', () => {
		expect(practise('2025-03-03', '2025-03-06')).toMatchObject({ current: 1, longest: 1 });
	});

	it('is still alive today after practising yesterday, or after one frozen day', () => {
		const state = practise('2025-03-03', '2025-03-04');
		expect(streakOn(state, '2025-03-05')).toMatchObject({ current: 2, practisedToday: false, freezeAvailable: true });
		expect(streakOn(state, '2025-03-06')).toMatchObject({ current: 2, freezeAvailable: false });
	});

	it('reads as zero once too many days were missed, keeping the longest', () => {
		expect(streakOn(practise('2025-03-03', '2025-03-04'), '2025-03-08')).toMatchObject({ current: 0, longest: 2 });
	});
});
