import { ALL_TEAMS, rollupDeltas, type AttemptFacts, type RollupDeltas } from '../../src/lib/studio/analytics-rollup';

type Row = Record<string, string | number>;
type Kind = keyof RollupDeltas;
const KEY_FIELDS = new Set(['scenario_id', 'team_id', 'grain', 'day']);

/** One row an attempt of a walk adds, without its team and period: the same for every attempt of that walk. */
interface Template {
	kind: Kind;
	/** The row's own string fields (node, option, criterion), which with the key make it unique. */
	identity: string;
	row: Row;
	numbers: string[];
}

/**
 * The scenario analytics' roll-ups of many attempts, summed as `rollupAccumulator` would sum their
 * `rollupDeltas`, with the same rows as a result. A million attempts made the generic path (a row
 * object per key, its key as JSON) the largest part of generating: here each walk's rows are
 * computed once, and an attempt adds its numbers to four keyed sums per row (team and everyone,
 * day and month).
 */
export function walkRollupSums() {
	const templates = new Map<object, Template[]>();
	const sums = { team: new Map<string, Row>(), everyone: new Map<string, Row>() };

	const templatesOf = (walk: object, facts: Omit<AttemptFacts, 'day'>): Template[] => {
		let list = templates.get(walk);
		if (list) return list;
		// Any day and no team: the ALL_TEAMS daily rows are the walk's rows with a key to fill in.
		const deltas = rollupDeltas({ ...facts, day: '2000-01-01' }, []);
		list = (Object.keys(deltas) as Kind[]).flatMap((kind) =>
			(deltas[kind] as unknown as Row[])
				.filter((r) => r.team_id === ALL_TEAMS && r.grain === 'd')
				.map((row) => {
					const own = Object.entries(row).filter(([k, v]) => typeof v === 'string' && !KEY_FIELDS.has(k));
					return { kind, identity: `${kind}|${row.scenario_id}|${own.map(([, v]) => v).join('|')}`, row, numbers: Object.keys(row).filter((k) => typeof row[k] === 'number') };
				})
		);
		templates.set(walk, list);
		return list;
	};

	const addTo = (into: Map<string, Row>, t: Template, teamId: string, grain: 'd' | 'm', day: string) => {
		const key = `${t.identity}|${teamId}|${grain}|${day}`;
		const seen = into.get(key);
		if (seen) for (const n of t.numbers) seen[n] = (seen[n] as number) + (t.row[n] as number);
		else into.set(key, { ...t.row, team_id: teamId, grain, day });
	};

	const result = (from: Map<string, Row>): RollupDeltas => {
		const out: RollupDeltas = { outcome: [], criterion: [], choice: [], node: [], critical: [] };
		for (const [key, row] of from) (out[key.slice(0, key.indexOf('|')) as Kind] as unknown as Row[]).push(row);
		return out;
	};

	return {
		/** One attempt of `walk` (the same object for every attempt of it) ending on `day`, by a learner on `teamId`. */
		add(walk: object, facts: Omit<AttemptFacts, 'day'>, day: string, teamId: string) {
			const month = day.slice(0, 7);
			for (const t of templatesOf(walk, facts)) {
				addTo(sums.team, t, teamId, 'd', day);
				addTo(sums.team, t, teamId, 'm', month);
				addTo(sums.everyone, t, ALL_TEAMS, 'd', day);
				addTo(sums.everyone, t, ALL_TEAMS, 'm', month);
			}
		},
		/** The current team's rows; the next team starts from nothing. */
		takeTeam(): RollupDeltas {
			const rows = result(sums.team);
			sums.team = new Map();
			return rows;
		},
		everyone: (): RollupDeltas => result(sums.everyone)
	};
}
