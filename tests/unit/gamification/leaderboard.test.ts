import { describe, expect, it } from 'vitest';
import { rankBoard, type BoardEntry } from '$lib/gamification/leaderboard';

const people = (xps: number[]): BoardEntry[] =>
	xps.map((xp, i) => ({ userId: `u${i + 1}`, name: `Person ${String(i + 1).padStart(2, '0')}`, xp, optedOut: false }));

describe('rankBoard', () => {
	it('shows the top rows in XP order, ties sharing a rank', () => {
		const board = rankBoard(people([50, 90, 90, 10]), 'u1', 3);
		expect(board.top.map((r) => [r.userId, r.rank])).toEqual([
			['u2', 1],
			['u3', 1],
			['u1', 3]
		]);
		expect(board.neighbourhood).toEqual([]);
	});

	it("shows the learner's own neighbourhood when they are below the top", () => {
		const board = rankBoard(people([100, 90, 80, 70, 60, 50, 40, 30, 20, 10]), 'u7', 3, 1);
		expect(board.neighbourhood.map((r) => r.userId)).toEqual(['u6', 'u7', 'u8']);
		expect(board.you).toEqual({ rank: 7, xp: 40, hidden: false });
	});

	it('never lists the bottom of the board for someone in the top', () => {
		const board = rankBoard(people([100, 90, 80, 70, 60, 50, 40, 30, 20, 10]), 'u1', 3, 1);
		expect([...board.top, ...board.neighbourhood].map((r) => r.userId)).not.toContain('u10');
	});

	it('leaves out people who opted out, but still tells them their XP', () => {
		const entries = people([100, 90, 80]);
		entries[1].optedOut = true;
		const board = rankBoard(entries, 'u2');
		expect(board.top.map((r) => r.userId)).toEqual(['u1', 'u3']);
		expect(board.you).toEqual({ rank: null, xp: 90, hidden: true });
	});

	it('ranks only people who practised this week', () => {
		const board = rankBoard(people([0, 30, 0]), 'u1');
		expect(board.size).toBe(1);
		expect(board.you.rank).toBeNull();
	});
});
