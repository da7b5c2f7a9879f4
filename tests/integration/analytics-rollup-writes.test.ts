import { describe, expect, it } from 'vitest';
import type { Walkthrough } from '../../src/lib/dialogue/build-transcript';
import { addToRollups, clearRollups, readAllRollups, ROLLUP_TABLES } from '../../src/lib/server/db/scenario-analytics';
import { addTeamMember, createTeam } from '../../src/lib/server/db/teams';
import { createUser } from '../../src/lib/server/db/users';
import { recordEndedAttemptAnalytics, type EndedAttempt } from '../../src/lib/server/studio/analytics-record';
import { rollupDeltas, sumDeltas, type AttemptFacts, type RollupDeltas } from '../../src/lib/studio/analytics-rollup';
import { migratedDatabase } from './support/migrated-database';
import { dialectLabel, dialects } from './support/test-database';

// A small seeded generator: the same attempts on every run and both dialects.
const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** A random ended attempt: ids with quotes and accents, sometimes no score, no criteria or no critical failure. */
function randomFacts(random: () => number, nodes = 8): AttemptFacts {
	const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
	const path = Array.from({ length: nodes - 1 }, (_, i) => ({ nodeId: `n${i}${pick(['', "'q", 'é'])}`, optionId: pick(['o1', "o'2", 'ø3']) }));
	const status = pick(['passed', 'failed', 'abandoned'] as const);
	const scored = status !== 'abandoned';
	return {
		scenarioId: pick(['billing', "o'brien"]),
		day: pick(['2026-10-31', '2026-11-01', '2026-11-02']),
		status,
		total: scored ? Math.round(random() * 10000) / 100 : null,
		path,
		endNodeId: `end${pick(['a', 'b'])}`,
		criteria: scored ? ['empathy', 'verify', 'close'].map((id) => ({ id, score: random() < 0.2 ? null : Math.round(random() * 10000) / 100 })) : [],
		criticalFailures: scored && random() < 0.4 ? [{ criterionId: 'verify', nodeId: path[1].nodeId }] : []
	};
}

/** Summed deltas in the shape readAllRollups answers with, both sorted the same way. */
function expectedRows(all: RollupDeltas[]) {
	const sums = sumDeltas(all);
	const out = {} as Record<string, Record<string, string | number>[]>;
	for (const [name, { key, counters }] of Object.entries(ROLLUP_TABLES)) {
		const columns = ['scenario_id', 'team_id', 'grain', 'day', ...key];
		out[name] = (sums[name as keyof RollupDeltas] as unknown as Record<string, string | number>[]).map((r) =>
			Object.fromEntries([...columns.map((c) => [c, String(r[c])]), ...counters.map((c) => [c, Number(r[c])])])
		);
	}
	return sortAll(out);
}
const sortAll = (tables: Record<string, Record<string, string | number>[]>) =>
	Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))]));

const walkOf = (facts: AttemptFacts) =>
	({
		transcript: [...facts.path.map((p) => ({ nodeId: p.nodeId, choice: { id: p.optionId } })), { nodeId: facts.endNodeId }]
	}) as unknown as Walkthrough;

describe.each(dialects)('scenario analytics roll-up writes %s', (dialect) => {
	const label = dialectLabel(dialect);
	const app = migratedDatabase(dialect);

	it(`${label} holds exactly the sums of every attempt's rows, added one attempt at a time`, async () => {
		await clearRollups(app.db);
		const random = seeded(11);
		const all: RollupDeltas[] = [];
		for (let i = 0; i < 60; i++) {
			const teams = ['t1', 't2', "t'3"].filter(() => random() < 0.4);
			const deltas = rollupDeltas(randomFacts(random), teams);
			all.push(deltas);
			await app.db.transaction().execute((trx) => addToRollups(trx, deltas));
		}
		expect(sortAll(await readAllRollups(app.db))).toEqual(expectedRows(all));
	});

	it(`${label} adds an attempt with more rows per table than one statement takes (a learner on many teams)`, async () => {
		await clearRollups(app.db);
		const random = seeded(5);
		const teams = Array.from({ length: 14 }, (_, i) => `team-${i}`);
		const all = [rollupDeltas(randomFacts(random, 20), teams), rollupDeltas(randomFacts(random, 20), teams)];
		expect(all[0].node.length).toBeGreaterThan(400);
		for (const deltas of all) await addToRollups(app.db, deltas);
		expect(sortAll(await readAllRollups(app.db))).toEqual(expectedRows(all));
	});

	it(`${label} adds attempts ending at once on the same keys without losing a count or deadlocking`, async () => {
		await clearRollups(app.db);
		const random = seeded(23);
		const all = Array.from({ length: 24 }, () => rollupDeltas(randomFacts(random), random() < 0.5 ? ['t1'] : ['t1', 't2']));
		await Promise.all(all.map((deltas) => app.db.transaction().execute((trx) => addToRollups(trx, deltas))));
		expect(sortAll(await readAllRollups(app.db))).toEqual(expectedRows(all));
	});

	it(`${label} counts an ended attempt for the teams passed, or else for its learner's teams read now, and never a play-test`, async () => {
		await clearRollups(app.db);
		const learner = await createUser(app.db, { email: `rollup-${dialect}@example.test`, name: 'Roll Up', role: 'learner' });
		const team = await createTeam(app.db, `Roll-up team ${dialect}`);
		await addTeamMember(app.db, team.id, learner.id);
		const random = seeded(3);
		const facts = [randomFacts(random), randomFacts(random), randomFacts(random)];
		const ended = (f: AttemptFacts, isPlaytest = false): EndedAttempt => ({
			userId: learner.id,
			scenarioId: f.scenarioId,
			status: f.status,
			isPlaytest,
			finishedAt: `${f.day}T10:00:00.000Z`
		});
		const outcome = (f: AttemptFacts) => ({ walk: walkOf(f), score: null });
		// Facts without a score: what factsOfAttempt makes of a walk alone.
		const unscored = (f: AttemptFacts): AttemptFacts => ({ ...f, total: null, criteria: [], criticalFailures: [] });
		await recordEndedAttemptAnalytics(app.db, ended(facts[0]), outcome(facts[0]), ['given']);
		await recordEndedAttemptAnalytics(app.db, ended(facts[1]), outcome(facts[1]));
		await recordEndedAttemptAnalytics(app.db, ended(facts[2], true), outcome(facts[2]), ['given']);
		expect(sortAll(await readAllRollups(app.db))).toEqual(
			expectedRows([rollupDeltas(unscored(facts[0]), ['given']), rollupDeltas(unscored(facts[1]), [team.id])])
		);
	});
});
