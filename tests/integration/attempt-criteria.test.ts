import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criterionScoreEntries } from '../../src/lib/coaching/criterion-scores';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import type { ScoreResult } from '../../src/lib/scoring/score-types';
import { sessionCaller, type ApiCaller } from './support/api-callers';
import { appealToFullMarks } from './support/appeal-override';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/** Always the last option: a poor attempt, with criteria worth overriding. */
async function playLastOptions(caller: ApiCaller, attemptId: string) {
	let seq = 0;
	let turn = (await caller.json(`/api/v1/attempts/${attemptId}`)).body.turn;
	for (let i = 0; turn && i < 60; i++) ({ seq, turn } = (await caller.post(`/api/v1/attempts/${attemptId}/steps`, { seq, optionId: turn.options.at(-1).id })).body);
}

describe.each(dialects)('per-criterion score roll-up %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;
	let hireApi: ApiCaller;
	let attemptId: string;

	/** Every scored attempt's stored score, as roll-up rows, next to what the roll-up holds. */
	async function expectedAndActual(attemptIds?: string[]) {
		let scored = database.db.selectFrom('attempt').select(['id', 'user_id', 'scenario_id', 'score', 'finished_at']).where('score', 'is not', null);
		if (attemptIds) scored = scored.where('id', 'in', attemptIds);
		const attempts = await scored.execute();
		const expected = attempts
			.flatMap((a) =>
				criterionScoreEntries(JSON.parse(a.score!) as ScoreResult).map((e, position) => ({
					attempt_id: a.id,
					user_id: a.user_id,
					scenario_id: a.scenario_id,
					criterion_id: e.criterionId,
					position,
					label: e.label,
					score: e.score,
					critical_failures: e.criticalFailures,
					finished_at: a.finished_at
				}))
			)
			.sort((x, y) => `${x.attempt_id}|${x.criterion_id}`.localeCompare(`${y.attempt_id}|${y.criterion_id}`));
		let rows = database.db.selectFrom('attempt_criterion_score').selectAll();
		if (attemptIds) rows = rows.where('attempt_id', 'in', attemptIds);
		const actual = (await rows.execute())
			.map((r) => ({ ...r, position: Number(r.position), score: r.score === null ? null : Number(r.score), critical_failures: Number(r.critical_failures) }))
			.sort((x, y) => `${x.attempt_id}|${x.criterion_id}`.localeCompare(`${y.attempt_id}|${y.criterion_id}`));
		return { expected, actual };
	}

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		hireApi = await sessionCaller(server.url, 'new.hire@demo.test');
		attemptId = (await hireApi.post('/api/v1/attempts', { scenarioId: 'billing-dispute' })).body.id;
		await playLastOptions(hireApi, attemptId);
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	it(`${label} holds every criterion of every scored attempt, as stored, from the transaction that finished it`, async () => {
		const { expected, actual } = await expectedAndActual();
		// The demo history and the attempt just played.
		expect(new Set(expected.map((r) => r.attempt_id)).size).toBeGreaterThan(1);
		expect(actual).toEqual(expected);
		const played = actual.filter((r) => r.attempt_id === attemptId);
		expect(played.length).toBeGreaterThan(0);
		const stored = (await hireApi.json(`/api/v1/attempts/${attemptId}`)).body.score;
		expect(played.reduce((n, r) => n + r.critical_failures, 0)).toBe(stored.criticalFailures.length);
		const byId = (list: { id: string; score: number | null }[]) => Object.fromEntries(list.map((c) => [c.id, c.score]));
		expect(byId(played.map((r) => ({ id: r.criterion_id, score: r.score })))).toEqual(byId(stored.criteria));
	});

	it(`${label} is rewritten when an override changes the criterion scores`, async () => {
		const criteria = await appealToFullMarks(server.url, hireApi, attemptId);

		const { expected, actual } = await expectedAndActual([attemptId]);
		expect(actual).toEqual(expected);
		expect(actual.map((r) => r.score)).toEqual(criteria.map(() => 100));
		expect(actual.every((r) => r.critical_failures === 0)).toBe(true);
	});

	it(`${label} is filled from the stored scores at start-up when it is empty`, async () => {
		const before = await expectedAndActual();
		await server.kill();
		await database.db.deleteFrom('attempt_criterion_score').execute();
		await server.restart();
		const after = await expectedAndActual();
		expect(after.actual).toEqual(before.expected);
		expect(after.actual.length).toBeGreaterThan(0);
	});
});
