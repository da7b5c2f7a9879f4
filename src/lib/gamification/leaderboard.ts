export interface BoardEntry {
	userId: string;
	name: string;
	xp: number;
	optedOut: boolean;
}

export interface RankedRow {
	rank: number;
	userId: string;
	name: string;
	xp: number;
	isYou: boolean;
}

export interface Board {
	top: RankedRow[];
	/** The rows around the learner when they are below the top; never the bottom of the board. */
	neighbourhood: RankedRow[];
	you: { rank: number | null; xp: number; hidden: boolean };
	/** People ranked (those who practised and did not opt out). */
	size: number;
}

export const TOP_ROWS = 5;
export const NEIGHBOURS = 2;

/**
 * Ranks a team's weekly XP. Only people with XP this week and not opted out are ranked (ties share
 * a rank); the board shows the top and the learner's own neighbourhood, and deliberately has no
 * way to list the lowest scorers. A learner who opted out still sees the board and their own XP.
 */
export function rankBoard(entries: readonly BoardEntry[], youId: string, top = TOP_ROWS, around = NEIGHBOURS): Board {
	const yours = entries.find((e) => e.userId === youId);
	const ranked = entries
		.filter((e) => e.xp > 0 && !e.optedOut)
		.sort((a, b) => b.xp - a.xp || a.name.localeCompare(b.name));
	const rows: RankedRow[] = [];
	ranked.forEach((e, i) => {
		const rank = i > 0 && ranked[i - 1].xp === e.xp ? rows[i - 1].rank : i + 1;
		rows.push({ rank, userId: e.userId, name: e.name, xp: e.xp, isYou: e.userId === youId });
	});
	const at = rows.findIndex((r) => r.isYou);
	const topRows = rows.slice(0, top);
	const neighbourhood = at >= top ? rows.slice(Math.max(top, at - around), at + around + 1) : [];
	return {
		top: topRows,
		neighbourhood,
		you: { rank: at === -1 ? null : rows[at].rank, xp: yours?.xp ?? 0, hidden: yours?.optedOut ?? false },
		size: rows.length
	};
}
