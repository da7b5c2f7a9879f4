import { beforeAll, describe, expect, it } from 'vitest';
import { checkLibrary } from '$lib/content/check-library';
import { readContentFiles } from '$lib/server/content/read-content-files';
import { rollupAccumulator, rollupDeltas, type RollupDeltas } from '$lib/studio/analytics-rollup';
import { walkRollupSums } from '../../../bench/scale/rollup-sums';
import { walkPools, type ScenarioWalks } from '../../../bench/scale/walks';

/** The same small seeded generator the bench uses, so a failure repeats. */
const seeded = (seed: number) => () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Rows in a stable order, so two sums of the same attempts compare equal whatever order they were added in. */
const sorted = (deltas: RollupDeltas) =>
	Object.fromEntries(Object.entries(deltas).map(([kind, rows]) => [kind, (rows as object[]).map((r) => JSON.stringify(r)).sort()]));

let pools: ScenarioWalks[];
beforeAll(async () => {
	pools = walkPools(checkLibrary(await readContentFiles(['content'])), 8, seeded(3));
});

describe('walkRollupSums (the bench generator)', () => {
	it('sums a team and everyone exactly as rollupAccumulator sums each attempt’s rollupDeltas', () => {
		const random = seeded(5);
		const fast = walkRollupSums();
		const everyone = rollupAccumulator();
		const teams = ['team-a', 'team-b'];
		for (const teamId of teams) {
			const team = rollupAccumulator();
			// Few days, so attempts share keys and the sums are really added up.
			for (let i = 0; i < 150; i++) {
				const pool = pools[Math.floor(random() * pools.length)];
				const walk = pool.walks[Math.floor(random() * pool.walks.length)];
				const day = `2026-0${1 + Math.floor(random() * 2)}-0${1 + Math.floor(random() * 3)}`;
				fast.add(walk, walk.facts, day, teamId);
				const deltas = rollupDeltas({ ...walk.facts, day }, [teamId]);
				const pick = (all: boolean) =>
					Object.fromEntries(Object.entries(deltas).map(([k, rows]) => [k, (rows as { team_id: string }[]).filter((r) => (r.team_id === '*') === all)])) as unknown as RollupDeltas;
				team.add(pick(false));
				everyone.add(pick(true));
			}
			expect(sorted(fast.takeTeam())).toEqual(sorted(team.result()));
		}
		const all = everyone.result();
		expect(all.outcome.length).toBeGreaterThan(0);
		expect(sorted(fast.everyone())).toEqual(sorted(all));
	}, 60_000);
});
