import { createServer, type IncomingMessage, type Server } from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { playToEnd, sessionCaller, type ApiCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { freePort, startTestServer, type TestServer } from './support/test-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A stand-in LRS on node:http: records what it accepts; can answer 503 or 400, or be stopped. */
class FakeLrs {
	mode: 'ok' | 'unavailable' | 'refuse' = 'ok';
	readonly received = new Map<string, any>();
	readonly times = new Map<string, number>();
	readonly requests: { headers: IncomingMessage['headers']; answered: number }[] = [];
	private server?: Server;
	constructor(readonly port: number) {}

	start() {
		this.server = createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				const answer = (status: number, text = '', headers: Record<string, string> = {}) => {
					this.requests.push({ headers: req.headers, answered: status });
					res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);
				};
				if (req.method !== 'POST' || req.url !== '/xapi/statements') return answer(404);
				if (this.mode === 'unavailable') return answer(503, '{"error":"maintenance"}', { 'retry-after': '0' });
				if (this.mode === 'refuse') return answer(400, '{"error":"statement rejected by test LRS"}');
				const statements = JSON.parse(body) as any[];
				for (const s of statements) {
					this.received.set(s.id, s);
					this.times.set(s.id, (this.times.get(s.id) ?? 0) + 1);
				}
				answer(200, JSON.stringify(statements.map((s) => s.id)));
			});
		});
		return new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', () => r()));
	}

	stop() {
		this.server?.closeAllConnections();
		return new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
	}

	of(attemptId: string) {
		return [...this.received.values()].filter((s) => s.context.registration === attemptId);
	}
}

const lrsEnv = (port: number) => ({
	LRS_ENDPOINT: `http://127.0.0.1:${port}/xapi/`,
	LRS_USERNAME: 'rapport',
	LRS_PASSWORD: 's3cret',
	LRS_POLL_INTERVAL_MS: '100',
	LRS_RETRY_BASE_MS: '100',
	LRS_RETRY_MAX_MS: '800',
	LRS_BATCH_SIZE: '10'
});

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 40_000) {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

// Restarts and outages take a while on a busy machine.
describe.each(dialects)('LRS forwarding %s', { timeout: 90_000 }, (dialect) => {
	const label = dialectLabel(dialect);
	let lrs: FakeLrs;
	let server: TestServer;
	let database: AppDatabase;
	let learner: ApiCaller;
	let lead: ApiCaller;
	let scenarioId: string;

	const outbox = async (status: string) =>
		Number((await sql<{ n: number }>`select count(*) as n from xapi_outbox where status = ${status}`.execute(database.db)).rows[0].n);
	const served = async (attemptId: string) => {
		const { body } = await lead.json('/api/v1/xapi/statements?agent=new.hire@demo.test');
		return (body.statements as any[]).filter((s) => s.context.registration === attemptId);
	};
	const playOne = async () => {
		const { body } = await learner.post('/api/v1/attempts', { scenarioId });
		await playToEnd(learner, body.id);
		return body.id as string;
	};
	/** Every statement the API serves for the attempt reached the LRS, each exactly once. */
	const deliveredOnce = async (attemptId: string) => {
		const expected = await served(attemptId);
		await until(() => lrs.of(attemptId).length === expected.length, `the statements of ${attemptId}`);
		await until(async () => (await outbox('pending')) === 0, 'an empty outbox');
		for (const s of expected) expect(lrs.times.get(s.id)).toBe(1);
		return expected;
	};

	beforeAll(async () => {
		lrs = new FakeLrs(await freePort());
		await lrs.start();
		server = await startTestServer(dialect, {
			env: lrsEnv(lrs.port)
		});
		database = await openDatabase(server.database.config);
		learner = await sessionCaller(server.url, 'new.hire@demo.test');
		lead = await sessionCaller(server.url, 'lead@demo.test');
		scenarioId = (await learner.json('/api/v1/scenarios')).body[0].id;
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
		await lrs?.stop();
	});

	it(`${label} sends each statement of an attempt once, as the statements API serves it, with Basic auth and the xAPI version`, async () => {
		const attemptId = await playOne();
		const expected = await deliveredOnce(attemptId);
		const sent = new Map(lrs.of(attemptId).map((s) => [s.id, s]));
		expect(expected.map((s) => s.verb.display['en-US'])).toEqual(expect.arrayContaining(['launched', 'answered', 'completed']));
		for (const s of expected) {
			const got = sent.get(s.id);
			expect(got.id).toMatch(UUID);
			expect(got.actor).toEqual({ objectType: 'Agent', name: s.actor.name, mbox: 'mailto:new.hire@demo.test' });
			expect(got.verb).toEqual(s.verb);
			expect(got.object.id).toMatch(new RegExp(`/scenarios/${scenarioId}$`));
			expect(got.result).toEqual(s.result);
			expect(got.timestamp).toBe(s.timestamp);
			expect(got.context.registration).toBe(attemptId);
			expect(got.stored).toBeUndefined();
		}
		const end = [...sent.values()].find((s) => s.verb.display['en-US'] === 'completed');
		expect(end.result.score).toEqual({ scaled: expect.any(Number), raw: expect.any(Number), min: 0, max: 100 });
		const accepted = lrs.requests.find((r) => r.answered === 200)!;
		expect(accepted.headers.authorization).toBe(`Basic ${Buffer.from('rapport:s3cret').toString('base64')}`);
		expect(accepted.headers['x-experience-api-version']).toBe('1.0.3');
	});

	it(`${label} sends the earned statement of a certification issued while seeding`, async () => {
		await until(() => [...lrs.received.values()].some((s) => s.verb.id === 'http://id.tincanapi.com/verb/earned'), 'an earned statement');
		const earned = [...lrs.received.values()].find((s) => s.verb.id === 'http://id.tincanapi.com/verb/earned');
		expect(earned.object.id).toMatch(/\/tracks\//);
		expect(earned.result).toEqual({ success: true, completion: true });
	});

	it(`${label} keeps learners at normal speed while the LRS answers 503 or is down, and delivers everything once it is back`, async () => {
		lrs.mode = 'unavailable';
		const started = Date.now();
		const during503 = await playOne();
		await until(() => lrs.requests.some((r) => r.answered === 503), 'a 503');
		await lrs.stop();
		const whileDown = await playOne();
		// Each attempt is a handful of requests; none waits on the LRS's send timeout (10 s).
		expect(Date.now() - started).toBeLessThan(8000);
		expect(lrs.of(during503)).toEqual([]);
		lrs.mode = 'ok';
		await lrs.start();
		await deliveredOnce(during503);
		await deliveredOnce(whileDown);
	});

	it(`${label} parks a statement the LRS refuses with 400, shows it to admins with the answer, and sends it again on an admin's retry`, async () => {
		lrs.mode = 'refuse';
		const { body } = await learner.post('/api/v1/attempts', { scenarioId });
		await until(async () => (await outbox('failed')) === 1, 'a parked statement');
		const admin = new HttpClient(server.url);
		await admin.signIn('admin@demo.test');
		const page = await (await admin.request('/admin/lrs')).text();
		expect(page).toContain('statement rejected by test LRS');
		expect(page).toContain('400');
		// Sent statements are deleted after LRS_KEEP_SENT_DAYS, so the count says which days it covers.
		expect(page).toContain('Sent in the last 30 days');
		const learnerPage = await learner.request('/admin/lrs');
		expect(learnerPage.status).toBe(403);
		lrs.mode = 'ok';
		const retried = await admin.submit('/admin/lrs?/retry', {});
		expect(retried.status).toBe(200);
		await until(() => lrs.of(body.id).length === 1, 'the retried statement');
		expect(await outbox('failed')).toBe(0);
	});

	it(`${label} with two instances sharing the database, each statement is claimed and sent by one of them`, async () => {
		const second = await startTestServer(dialect, { database: server.database, env: lrsEnv(lrs.port) });
		try {
			const other = await sessionCaller(second.url, 'new.hire@demo.test');
			// A backlog built while the LRS is down, which both instances then race for.
			await lrs.stop();
			const ids: string[] = [];
			for (const caller of [learner, other, learner, other]) {
				const { body } = await caller.post('/api/v1/attempts', { scenarioId });
				await playToEnd(caller, body.id);
				ids.push(body.id);
			}
			expect(await outbox('pending')).toBeGreaterThan(10);
			await lrs.start();
			for (const id of ids) await deliveredOnce(id);
		} finally {
			await second.stop();
		}
	});

	it(`${label} sends what was left in the outbox when the server was killed, after it restarts`, async () => {
		await lrs.stop();
		const attemptId = await playOne();
		expect(await outbox('pending')).toBeGreaterThan(0);
		await server.kill();
		await lrs.start();
		await server.restart();
		await deliveredOnce(attemptId);
	});
});
