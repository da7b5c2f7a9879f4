import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCaller, type ApiCaller } from './support/api-callers';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/*
 * Each instance keeps the walk of attempts in play in memory, to step without replaying. Two
 * instances on one database take turns with one attempt here: every answer must be what a single
 * instance gives for the same choices, however stale the other instance's memory is.
 */
describe.each(dialects)('one attempt across two instances %s', (dialect) => {
	const label = dialectLabel(dialect);
	let first: TestServer;
	let second: TestServer;
	let onFirst: ApiCaller;
	let onSecond: ApiCaller;
	let scenarioId: string;

	beforeAll(async () => {
		first = await startTestServer(dialect);
		second = await startTestServer(dialect, { database: first.database });
		const caller = await tokenCaller(first.url, 'diego.ramos@demo.test');
		onFirst = caller;
		onSecond = caller.at(second.url);
		// The longest shipped scenario gives the most hand-offs.
		const { body } = await onFirst.json<{ id: string }[]>('/api/v1/scenarios');
		scenarioId = body.find((s) => s.id === 'app-error-after-update')?.id ?? body[0].id;
	});
	afterAll(async () => {
		await second?.stop();
		await first?.stop();
	});

	type Turn = { options: { id: string }[] } | null;
	type Answer = { seq: number; status: string; turn: Turn };
	const pick = (turn: NonNullable<Turn>, seq: number) => turn.options[(seq * 7 + 3) % turn.options.length].id;

	/** Plays to the end, each step on the instance `where(seq)` names; returns the choices and the answers. */
	async function play(where: (seq: number) => ApiCaller) {
		const { body: started } = await where(0).post<{ id: string; turn: Turn }>('/api/v1/attempts', { scenarioId });
		const answers: Answer[] = [];
		let turn = started.turn;
		for (let seq = 0; turn && seq < 60; seq++) {
			const { status, body } = await where(seq).post<Answer>(`/api/v1/attempts/${started.id}/steps`, { seq, optionId: pick(turn, seq) });
			expect(status, JSON.stringify(body)).toBe(200);
			answers.push(body);
			turn = body.turn;
		}
		const { body: final } = await onFirst.json(`/api/v1/attempts/${started.id}`);
		return { id: started.id, answers, final };
	}

	it(`${label} answers every step, and ends with the score, as one instance alone would`, async () => {
		const alone = await play(() => onFirst);
		// Two steps here, one there, then back: each instance's memory of the walk is stale on its return.
		const shared = await play((seq) => (seq % 3 === 2 ? onSecond : onFirst));
		expect(shared.answers.length).toBeGreaterThan(2);
		expect(shared.answers).toEqual(alone.answers);
		const comparable = (a: Record<string, unknown>) => ({ ...a, id: undefined, startedAt: undefined, finishedAt: undefined });
		expect(comparable(shared.final)).toEqual(comparable(alone.final));
	});

	it(`${label} repeats an answer another instance stored, and refuses a different one for the same step`, async () => {
		const { body: started } = await onFirst.post<{ id: string; turn: NonNullable<Turn> }>('/api/v1/attempts', { scenarioId });
		const step = (caller: ApiCaller, seq: number, optionId: string) => caller.post<Answer>(`/api/v1/attempts/${started.id}/steps`, { seq, optionId });
		const chosen = pick(started.turn, 0);
		const here = await step(onFirst, 0, chosen);
		const next = pick(here.body.turn!, 1);
		const there = await step(onSecond, 1, next);
		expect(there.status).toBe(200);
		// The first instance remembers the walk at step 1; the attempt is at step 2 now.
		expect(await step(onFirst, 1, next)).toEqual(there);
		const other = here.body.turn!.options.find((o) => o.id !== next);
		if (other) expect((await step(onFirst, 1, other.id)).status).toBe(409);
		expect((await step(onFirst, 0, chosen)).body).toEqual(here.body);
	});
});
