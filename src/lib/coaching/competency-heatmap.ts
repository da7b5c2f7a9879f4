/**
 * Rubric criterion × member: a recency-weighted average of each criterion's score, so a member who
 * has improved is not held back by old attempts. The newest attempt weighs 1, each older one
 * DECAY times the one after it, over the last WINDOW scored attempts.
 */
export const DECAY = 0.7;
export const WINDOW = 10;
/** Below this a cell is flagged: it is the rubric's usual pass mark. */
export const COACHING_THRESHOLD = 70;

export interface ScoredCriteria {
	startedAt: string;
	criteria: { id: string; label: string; score: number | null; applicable?: boolean }[];
}

export interface HeatCell {
	score: number;
	attempts: number;
	needsCoaching: boolean;
}

export interface HeatmapRow {
	memberId: string;
	cells: Record<string, HeatCell | undefined>;
	/** The member's weakest flagged criterion, if any: where coaching helps most. */
	focus: string | null;
}

export interface Heatmap {
	criteria: { id: string; label: string }[];
	rows: HeatmapRow[];
}

export function competencyHeatmap(members: { memberId: string; attempts: ScoredCriteria[] }[]): Heatmap {
	const labels = new Map<string, string>();
	const rows = members.map(({ memberId, attempts }) => {
		// ISO times sort as plain strings; the sort is stable, so equal times keep the caller's order.
		const recent = [...attempts].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0)).slice(0, WINDOW);
		const sums = new Map<string, { weighted: number; weights: number; n: number }>();
		recent.forEach((attempt, age) => {
			const weight = DECAY ** age;
			for (const c of attempt.criteria) {
				if (c.score === null || c.applicable === false) continue;
				if (!labels.has(c.id)) labels.set(c.id, c.label);
				const s = sums.get(c.id);
				if (s) {
					s.weighted += weight * c.score;
					s.weights += weight;
					s.n += 1;
				} else sums.set(c.id, { weighted: weight * c.score, weights: weight, n: 1 });
			}
		});
		const cells: Record<string, HeatCell> = {};
		for (const [id, s] of sums) {
			const score = Math.round(s.weighted / s.weights);
			cells[id] = { score, attempts: s.n, needsCoaching: score < COACHING_THRESHOLD };
		}
		const flagged = Object.entries(cells).filter(([, c]) => c.needsCoaching).sort((a, b) => a[1].score - b[1].score);
		return { memberId, cells, focus: flagged[0]?.[0] ?? null };
	});
	const criteria = [...labels].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
	return { criteria, rows };
}

/** Passed out of finished (passed or failed), as a whole percentage; null before anything is finished. */
export const passRate = (passed: number, failed: number): number | null => (passed + failed > 0 ? Math.round((100 * passed) / (passed + failed)) : null);
