import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playToEnd, sessionCaller, tokenCaller, type ApiCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const agentParam = (email: string) => encodeURIComponent(JSON.stringify({ objectType: 'Agent', mbox: `mailto:${email}` }));

/** Follows `more` to the end, as an LRS client would. */
async function readAll(caller: ApiCaller, path: string) {
	const statements: any[] = [];
	let next = path;
	for (let page = 0; next && page < 100; page++) {
		const { status, body } = await caller.json(next);
		expect(status).toBe(200);
		statements.push(...body.statements);
		next = body.more;
	}
	return statements;
}

describe.each(dialects)('GET /api/v1/xapi/statements %s', (dialect) => {
	let server: TestServer;
	let lead: ApiCaller;
	let before: string;
	beforeAll(async () => {
		server = await startTestServer(dialect);
		lead = await tokenCaller(server.url, 'lead@demo.test');
		const learner = await sessionCaller(server.url, 'new.hire@demo.test');
		before = new Date().toISOString();
		const scenarioId = (await learner.json('/api/v1/scenarios')).body[0].id;
		const { body } = await learner.post('/api/v1/attempts', { scenarioId });
		await playToEnd(learner, body.id);
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} answers a StatementResult of launched, answered, completed and passed/failed for an attempt`, async () => {
		const { status, body } = await lead.json(`/api/v1/xapi/statements?agent=${agentParam('new.hire@demo.test')}`);
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['more', 'statements']);
		expect(body.more).toBe('');
		const verbs = body.statements.map((s: any) => s.verb.display['en-US']);
		expect(verbs[0]).toBe('launched');
		expect(verbs.filter((v: string) => v === 'answered').length).toBeGreaterThan(0);
		expect(verbs).toContain('completed');
		expect(verbs.some((v: string) => v === 'passed' || v === 'failed')).toBe(true);
		const end = body.statements.find((s: any) => s.verb.display['en-US'] === 'completed');
		expect(end.actor).toEqual({ objectType: 'Agent', name: 'Noor Haddad', mbox: 'mailto:new.hire@demo.test' });
		expect(end.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
		expect(end.object.id).toMatch(new RegExp(`^${server.url}/scenarios/`));
		expect(end.object.definition.name['en-US']).toEqual(expect.any(String));
		expect(end.result.score).toEqual({ scaled: expect.any(Number), raw: expect.any(Number), min: 0, max: 100 });
		expect(end.result.completion).toBe(true);
		expect(typeof end.result.success).toBe('boolean');
		for (const s of body.statements) expect(s.id).toMatch(UUID);
		const again = await lead.json(`/api/v1/xapi/statements?agent=${agentParam('new.hire@demo.test')}`);
		expect(again.body.statements.map((s: any) => s.id)).toEqual(body.statements.map((s: any) => s.id));
	});

	it(`${label} filters by since and accepts a bare mbox as agent`, async () => {
		const all = await readAll(lead, `/api/v1/xapi/statements?since=${encodeURIComponent(before)}`);
		expect(all.length).toBeGreaterThan(0);
		expect(new Set(all.map((s) => s.actor.mbox))).toEqual(new Set(['mailto:new.hire@demo.test']));
		expect(all.every((s) => s.timestamp > before)).toBe(true);
		const future = await lead.json('/api/v1/xapi/statements?since=2999-01-01T00:00:00Z&agent=mailto:new.hire@demo.test');
		expect(future.body).toEqual({ statements: [], more: '' });
	});

	it(`${label} pages through everything with more, each statement once, and keeps a lead to their teams`, async () => {
		const admin = await sessionCaller(server.url, 'admin@demo.test');
		const all = await readAll(admin, '/api/v1/xapi/statements');
		expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
		expect(all.some((s) => s.actor.mbox === 'mailto:priya.nair@demo.test')).toBe(true);
		const leads = await readAll(lead, '/api/v1/xapi/statements');
		expect(leads.some((s) => s.actor.mbox === 'mailto:priya.nair@demo.test')).toBe(false);
		expect(leads.some((s) => s.actor.mbox === 'mailto:rep@demo.test')).toBe(true);
	});

	it(`${label} states earned certifications, with the credential's address`, async () => {
		const reps = await readAll(lead, `/api/v1/xapi/statements?agent=${agentParam('rep@demo.test')}`);
		const earned = reps.filter((s) => s.verb.id === 'http://id.tincanapi.com/verb/earned');
		expect(earned.length).toBeGreaterThan(0);
		expect(earned[0].object.id).toMatch(new RegExp(`^${server.url}/tracks/`));
		expect(earned[0].result).toEqual({ success: true, completion: true });
		expect(Object.values(earned[0].context.extensions)[0]).toMatch(new RegExp(`^${server.url}/credentials/`));
	});

	it(`${label} refuses a learner with 403, an anonymous caller with 401, and bad filters with 400`, async () => {
		const learner = await sessionCaller(server.url, 'rep@demo.test');
		const refused = await learner.json('/api/v1/xapi/statements');
		expect(refused.status).toBe(403);
		expect(refused.body).toHaveProperty('error');
		expect((await new HttpClient(server.url).json('/api/v1/xapi/statements')).status).toBe(401);
		expect((await lead.json('/api/v1/xapi/statements?since=yesterday')).status).toBe(400);
		expect((await lead.json('/api/v1/xapi/statements?agent=%7Bnot-json')).status).toBe(400);
		expect((await lead.json('/api/v1/xapi/statements?cursor=zzz')).status).toBe(400);
	});
});
