import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playToEnd, sessionCaller, tokenCaller, type ApiCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { chunked, raw } from './support/request-bodies';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const FAMILIES = ['difficult-customer', 'technical-troubleshooting', 'sales-objection', 'leadership'];
const VIAS = ['session cookie', 'access token'] as const;

describe.each(dialects)('JSON API for attempts %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	const callers = {} as Record<(typeof VIAS)[number], ApiCaller>;
	let stranger: ApiCaller;
	let scenarioId: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		callers['session cookie'] = await sessionCaller(server.url, 'mina.cho@demo.test');
		callers['access token'] = await tokenCaller(server.url, 'diego.ramos@demo.test');
		stranger = await sessionCaller(server.url, 'sam.oconnell@demo.test');
		const { body } = await stranger.json('/api/v1/scenarios');
		scenarioId = body[0].id;
	});
	afterAll(() => server?.stop());

	const start = async (caller: ApiCaller) => {
		const { status, body } = await caller.post('/api/v1/attempts', { scenarioId });
		expect(status).toBe(201);
		return body;
	};

	for (const via of VIAS) {
		const steps = (id: string) => `/api/v1/attempts/${id}/steps`;

		it(`${label} ${via}: lists the published scenarios with id, version, title, family, channel and difficulty`, async () => {
			const { status, body } = await callers[via].json('/api/v1/scenarios');
			expect(status).toBe(200);
			expect(body.length).toBeGreaterThan(0);
			for (const s of body) {
				expect(Object.keys(s).sort()).toEqual(['channel', 'difficulty', 'family', 'id', 'title', 'version']);
				expect(FAMILIES).toContain(s.family);
			}
		});

		it(`${label} ${via}: starts an attempt with 201, seq 0 and the first turn's options`, async () => {
			const started = await start(callers[via]);
			expect(started).toMatchObject({ scenarioId, status: 'in_progress', seq: 0 });
			expect(typeof started.scenarioVersion).toBe('number');
			expect(started.turn.options.length).toBeGreaterThan(1);
			for (const o of started.turn.options) expect(o).toEqual(expect.objectContaining({ id: expect.any(String), text: expect.any(String) }));
		});

		it(`${label} ${via}: answers a repeated step with the same answer and stores nothing new`, async () => {
			const { id, turn } = await start(callers[via]);
			const first = await callers[via].post(steps(id), { seq: 0, optionId: turn.options[0].id });
			expect(first.status).toBe(200);
			expect(first.body).toMatchObject({ seq: 1, status: expect.any(String) });
			const again = await callers[via].post(steps(id), { seq: 0, optionId: turn.options[0].id });
			expect(again).toEqual(first);
			const stored = await callers[via].json(`/api/v1/attempts/${id}`);
			expect(stored.body.seq).toBe(1);
			expect(stored.body.transcript.filter((t: { choice?: unknown }) => t.choice)).toHaveLength(1);
		});

		it(`${label} ${via}: answers 409 to a stale seq with another option, and to a seq ahead of the attempt`, async () => {
			const { id, turn } = await start(callers[via]);
			await callers[via].post(steps(id), { seq: 0, optionId: turn.options[0].id });
			const stale = await callers[via].post(steps(id), { seq: 0, optionId: turn.options[1].id });
			expect(stale.status).toBe(409);
			expect(stale.body.error).toEqual(expect.any(String));
			const ahead = await callers[via].post(steps(id), { seq: 5, optionId: turn.options[0].id });
			expect(ahead.status).toBe(409);
		});

		it(`${label} ${via}: answers 422 to an option that is not offered now`, async () => {
			const { id } = await start(callers[via]);
			const { status, body } = await callers[via].post(steps(id), { seq: 0, optionId: 'not-on-offer' });
			expect(status).toBe(422);
			expect(body.error).toMatch(/not-on-offer/);
			expect((await callers[via].json(`/api/v1/attempts/${id}`)).body.seq).toBe(0);
		});

		it(`${label} ${via}: answers 404 for someone else's attempt, reading it or stepping in it`, async () => {
			const { id, turn } = await start(stranger);
			expect((await callers[via].json(`/api/v1/attempts/${id}`)).status).toBe(404);
			const step = await callers[via].post(steps(id), { seq: 0, optionId: turn.options[0].id });
			expect(step.status).toBe(404);
			expect(step.body.error).toEqual(expect.any(String));
			expect((await stranger.json(`/api/v1/attempts/${id}`)).body.seq).toBe(0);
		});

		it(`${label} ${via}: answers 400 to malformed bodies`, async () => {
			const { id } = await start(callers[via]);
			const bodies = ['{"seq":0', '[]', 'null', '{"seq":"0","optionId":"a"}', '{"seq":-1,"optionId":"a"}', '{"seq":0}', '{"seq":0,"optionId":"a","extra":1}', '{"seq":1.5,"optionId":"a"}'];
			for (const body of bodies) {
				const answer = await callers[via].json(steps(id), raw(body));
				expect(answer.status, body).toBe(400);
				expect(answer.body.error, body).toEqual(expect.any(String));
			}
			expect((await callers[via].json('/api/v1/attempts', raw('{"scenarioId":'))).status).toBe(400);
			expect((await callers[via].json('/api/v1/attempts', raw('{"scenarioId":42}'))).status).toBe(400);
		});

		it(`${label} ${via}: answers 415 to a body that is not JSON`, async () => {
			const { id } = await start(callers[via]);
			for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
				const answer = await callers[via].json(steps(id), raw('seq=0&optionId=a', type));
				expect(answer.status, type).toBe(415);
				expect(answer.body.error).toEqual(expect.any(String));
			}
			expect((await callers[via].json('/api/v1/attempts', raw('scenarioId=x', 'text/plain'))).status).toBe(415);
		});

		it(`${label} ${via}: answers 413 to a body over the size limit, with or without Content-Length`, async () => {
			const { id } = await start(callers[via]);
			const big = JSON.stringify({ seq: 0, optionId: 'x'.repeat(20_000) });
			const sized = await callers[via].json(steps(id), raw(big));
			expect(sized.status).toBe(413);
			expect(sized.body.error).toEqual(expect.any(String));
			for (const bytes of [100_000, 1_000_000]) {
				const streamed = await callers[via].json(steps(id), chunked(bytes));
				expect(streamed.status, `${bytes} bytes`).toBe(413);
				expect(streamed.body.error).toEqual(expect.any(String));
			}
		});

		it(`${label} ${via}: plays to the end, then reports the score and refuses further steps with 409`, async () => {
			const { id } = await start(callers[via]);
			const lastSeq = await playToEnd(callers[via], id);
			const { status, body } = await callers[via].json(`/api/v1/attempts/${id}`);
			expect(status).toBe(200);
			expect(['passed', 'failed']).toContain(body.status);
			expect(body.turn).toBeNull();
			expect(body.seq).toBe(lastSeq);
			expect(body.transcript.length).toBe(lastSeq + 1);
			expect(body.score).toMatchObject({ total: expect.any(Number), passed: body.status === 'passed', criticalFailures: expect.any(Array) });
			for (const c of body.score.criteria) expect(c).toEqual(expect.objectContaining({ id: expect.any(String), label: expect.any(String), weight: expect.any(Number) }));
			const after = await callers[via].post(steps(id), { seq: lastSeq, optionId: 'anything' });
			expect(after.status).toBe(409);
		});
	}

	it(`${label} answers 401 in JSON to anonymous calls`, async () => {
		const anonymous = new HttpClient(server.url);
		for (const [path, init] of [
			['/api/v1/attempts', raw(JSON.stringify({ scenarioId }))],
			['/api/v1/attempts/some-id', {}],
			['/api/v1/attempts/some-id/steps', raw('{"seq":0,"optionId":"a"}')]
		] as [string, RequestInit][]) {
			const { status, body } = await anonymous.json(path, init);
			expect(status, path).toBe(401);
			expect(body.error).toEqual(expect.any(String));
		}
	});

	it(`${label} answers 404 to an unknown scenario and an unknown attempt`, async () => {
		const caller = callers['session cookie'];
		expect((await caller.post('/api/v1/attempts', { scenarioId: 'no-such-scenario' })).status).toBe(404);
		expect((await caller.json('/api/v1/attempts/no-such-attempt')).status).toBe(404);
		expect((await caller.post('/api/v1/attempts/no-such-attempt/steps', { seq: 0, optionId: 'a' })).status).toBe(404);
	});

	it(`${label} never answers 500 to odd input`, async () => {
		const caller = callers['access token'];
		const { id } = await start(caller);
		const odd: [string, RequestInit][] = [
			[`/api/v1/attempts/${id}/steps`, raw('{"seq":1e400,"optionId":"a"}')],
			[`/api/v1/attempts/${id}/steps`, raw('{"seq":0,"optionId":"' + '\u0000'.repeat(10) + '"}')],
			[`/api/v1/attempts/${id}/steps`, raw('\uFEFF{}')],
			[`/api/v1/attempts/${id}/steps`, { method: 'POST', headers: { 'content-type': 'application/json' } }],
			[`/api/v1/attempts/${'x'.repeat(2000)}`, {}],
			[`/api/v1/attempts/${encodeURIComponent("' or 1=1 --")}/steps`, raw('{"seq":0,"optionId":"a"}')],
			['/api/v1/attempts', raw('{"scenarioId":"' + 'a'.repeat(101) + '"}')],
			['/api/v1/attempts', raw('{"scenarioId":{"$ne":null}}')]
		];
		for (const [path, init] of odd) {
			const { status } = await caller.json(path, init);
			expect(status, path.slice(0, 60)).toBeGreaterThanOrEqual(400);
			expect(status, path.slice(0, 60)).toBeLessThan(500);
		}
	});
});
