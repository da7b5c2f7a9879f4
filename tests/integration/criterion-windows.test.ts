import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WINDOW } from '../../src/lib/coaching/competency-heatmap';
import type { WindowAttempt } from '../../src/lib/coaching/criterion-window';
import { addFinishedToWindow, refreshCriterionWindow, windowsFromSource } from '../../src/lib/server/db/criterion-windows';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { sessionCaller, type ApiCaller } from './support/api-callers';
import { appealToFullMarks } from './support/appeal-override';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const SCENARIO = 'billing-dispute';

/** Plays an attempt to the end with the last option each time; returns the options chosen. */
async function playToEnd(caller: ApiCaller, attemptId: string): Promise<string[]> {
	const chosen: string[] = [];
	let seq = 0;
	let turn = (await caller.json(`/api/v1/attempts/${attemptId}`)).body.turn;
	for (let i = 0; turn && i < 60; i++) {
		chosen.push(turn.options.at(-1).id);
		({ seq, turn } = (await caller.post(`/api/v1/attempts/${attemptId}/steps`, { seq, optionId: chosen.at(-1) })).body);
	}
	return chosen;
}

describe.each(dialects)('heatmap windows %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;
	let hireApi: ApiCaller;
	let hireId: string;
	let played: string;

	/** Every kept window next to the one the attempts and criterion rows give. */
	async function keptAndFromSource() {
		const rows = await database.db.selectFrom('criterion_window').select(['user_id', 'attempts']).orderBy('user_id').execute();
		const kept = Object.fromEntries(rows.map((r) => [r.user_id, JSON.parse(r.attempts!) as WindowAttempt[]]));
		const built = await windowsFromSource(database.db, Object.keys(kept));
		return { kept, fromSource: Object.fromEntries(Object.keys(kept).map((id) => [id, built.get(id) ?? []])) };
	}

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		hireApi = await sessionCaller(server.url, 'new.hire@demo.test');
		played = (await hireApi.post('/api/v1/attempts', { scenarioId: SCENARIO })).body.id;
		await playToEnd(hireApi, played);
		hireId = (await database.db.selectFrom('attempt').select('user_id').where('id', '=', played).executeTakeFirstOrThrow()).user_id;
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	it(`${label} holds each learner's newest scored attempts, as the attempts themselves say, from the finishing transaction`, async () => {
		const { kept, fromSource } = await keptAndFromSource();
		expect(Object.keys(kept).length).toBeGreaterThan(1);
		expect(kept).toEqual(fromSource);
		const hire = kept[hireId];
		expect(hire[0].attemptId).toBe(played);
		expect(hire.length).toBeLessThanOrEqual(WINDOW);
		const stored = (await hireApi.json(`/api/v1/attempts/${played}`)).body.score;
		expect(Object.fromEntries(hire[0].criteria.map((c) => [c.id, c.score]))).toEqual(
			Object.fromEntries(stored.criteria.map((c: { id: string; score: number | null; applicable: boolean }) => [c.id, c.applicable === false ? null : c.score]))
		);
	});

	it(`${label} stays right when one learner's attempts finish at the same moment`, async () => {
		// The same choices end every attempt of the scenario the same way: stop each one step short, then finish all at once.
		const path = await playToEnd(hireApi, (await hireApi.post('/api/v1/attempts', { scenarioId: SCENARIO })).body.id);
		const ids: string[] = [];
		for (let i = 0; i < 6; i++) {
			const id = (await hireApi.post('/api/v1/attempts', { scenarioId: SCENARIO })).body.id;
			for (const [seq, optionId] of path.slice(0, -1).entries()) expect((await hireApi.post(`/api/v1/attempts/${id}/steps`, { seq, optionId })).status).toBe(200);
			ids.push(id);
		}
		const finals = await Promise.all(ids.map((id) => hireApi.post(`/api/v1/attempts/${id}/steps`, { seq: path.length - 1, optionId: path.at(-1) })));
		expect(finals.map((f) => [f.status, f.body.status === 'in_progress'])).toEqual(ids.map(() => [200, false]));
		const { kept, fromSource } = await keptAndFromSource();
		expect(kept[hireId]).toEqual(fromSource[hireId]);
		expect(kept[hireId].slice(0, ids.length).map((a) => a.attemptId).sort()).toEqual([...ids].sort());
	});

	it(`${label} follows an override of an attempt's criterion scores`, async () => {
		const target = (await keptAndFromSource()).kept[hireId][0].attemptId;
		const criteria = await appealToFullMarks(server.url, hireApi, target);

		const { kept, fromSource } = await keptAndFromSource();
		expect(kept).toEqual(fromSource);
		const overridden = kept[hireId].find((a) => a.attemptId === target)!;
		expect(overridden.criteria.map((c) => c.score)).toEqual(criteria.map(() => 100));
	});

	it(`${label} lets a finishing step wait for an override of the same learner instead of overwriting it`, async () => {
		const [changed, again] = (await keptAndFromSource()).kept[hireId];
		// The override's transaction holds the window a while; the step starts meanwhile.
		const override = database.db.transaction().execute(async (trx) => {
			await trx.updateTable('attempt_criterion_score').set({ score: 1 }).where('attempt_id', '=', changed.attemptId).execute();
			await refreshCriterionWindow(trx, hireId);
			await new Promise((r) => setTimeout(r, 300));
		});
		await new Promise((r) => setTimeout(r, 100));
		const entries = again.criteria.map((c) => ({ criterionId: c.id, label: c.label, score: c.score, criticalFailures: 0 }));
		const step = database.db
			.transaction()
			.execute((trx) => addFinishedToWindow(trx, { id: again.attemptId, userId: hireId, startedAt: again.startedAt, status: 'passed', isPlaytest: false, finishedAt: new Date().toISOString() }, entries));
		await Promise.all([override, step]);
		const { kept, fromSource } = await keptAndFromSource();
		expect(kept[hireId]).toEqual(fromSource[hireId]);
		expect(kept[hireId].find((a) => a.attemptId === changed.attemptId)!.criteria.every((c) => c.score === 1 || c.score === null)).toBe(true);
	});

	it(`${label} is built at start-up for learners whose attempts came before windows were kept`, async () => {
		const before = await keptAndFromSource();
		await server.kill();
		await database.db.deleteFrom('criterion_window').execute();
		await database.db.deleteFrom('analytics_backfill').where('id', '=', 'criterion-windows').execute();
		await server.restart();
		const after = await keptAndFromSource();
		expect(after.kept).toEqual(before.fromSource);
		expect(Object.keys(after.kept).length).toBeGreaterThan(1);
		const marker = await database.db.selectFrom('analytics_backfill').select('done').where('id', '=', 'criterion-windows').executeTakeFirstOrThrow();
		expect(Number(marker.done)).toBe(1);
	});
});
