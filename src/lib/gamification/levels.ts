/** Levels follow the contact-center career, from the first week on the phones to the floor's veteran. */
export const LEVELS = [
	{ level: 1, name: 'New Hire', minXp: 0 },
	{ level: 2, name: 'Trainee', minXp: 100 },
	{ level: 3, name: 'Agent', minXp: 250 },
	{ level: 4, name: 'Problem Solver', minXp: 500 },
	{ level: 5, name: 'De-escalator', minXp: 900 },
	{ level: 6, name: 'Senior Agent', minXp: 1400 },
	{ level: 7, name: 'Subject-Matter Expert', minXp: 2000 },
	{ level: 8, name: 'Mentor', minXp: 2800 },
	{ level: 9, name: 'Coach', minXp: 3800 },
	{ level: 10, name: 'Floor Veteran', minXp: 5000 }
] as const;

export interface LevelStanding {
	level: number;
	name: string;
	xp: number;
	/** XP where this level started and where the next begins (null at the top). */
	floor: number;
	next: { level: number; name: string; minXp: number } | null;
	/** 0–1 through the current level. */
	progress: number;
}

export function levelFor(xp: number): LevelStanding {
	const index = LEVELS.findLastIndex((l) => xp >= l.minXp);
	const here = LEVELS[Math.max(0, index)];
	const next = LEVELS[index + 1] ?? null;
	const progress = next ? (xp - here.minXp) / (next.minXp - here.minXp) : 1;
	return { level: here.level, name: here.name, xp, floor: here.minXp, next, progress: Math.max(0, Math.min(1, progress)) };
}
