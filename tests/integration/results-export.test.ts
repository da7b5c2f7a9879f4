import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/open-database';
import { signedInAs } from './support/admin-pages';
import { playToEnd, sessionCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

describe.each(dialects)('results CSV export %s', (dialect) => {
	let server: TestServer;
	let admin: HttpClient;
	beforeAll(async () => {
		server = await startTestServer(dialect);
		admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
		// A person whose name a spreadsheet would run as a formula, with one finished attempt.
		const invited = await (await admin.submit('/admin/people?/invite', { email: 'formula@demo.test', name: '=HYPERLINK("http://evil")', role: 'learner' })).text();
		const password = invited.match(/value="(tmp-[A-Za-z0-9_-]+)"/)![1];
		const browser = await signedInAs(new HttpClient(server.url), 'formula@demo.test', password);
		const caller = { via: 'session cookie' as const, json: browser.json.bind(browser), request: browser.request.bind(browser), post: (path: string, body: unknown) => browser.json(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) };
		const scenarioId = (await caller.json('/api/v1/scenarios')).body[0].id;
		await playToEnd(caller, (await caller.post('/api/v1/attempts', { scenarioId })).body.id);
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} exports one row per finished attempt as a CSV download, injection-safe`, async () => {
		const response = await admin.request('/admin/export/attempts.csv');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/csv');
		expect(response.headers.get('content-disposition')).toContain('attachment');
		const lines = (await response.text()).trimEnd().split('\r\n');
		expect(lines[0]).toBe('attempt_id,email,name,scenario_id,scenario_version,status,score_total,passed,started_at,finished_at');
		expect(lines.some((l) => l.includes(',rep@demo.test,Ray Esposito,'))).toBe(true);
		const formula = lines.find((l) => l.includes('formula@demo.test'))!;
		expect(formula).toContain(`"'=HYPERLINK(""http://evil"")"`);
		expect(lines.filter((l) => /,in_progress,/.test(l))).toEqual([]);
	});

	it(`${label} exports person × criterion averages`, async () => {
		const text = await (await admin.request('/admin/export/criteria.csv')).text();
		const lines = text.trimEnd().split('\r\n');
		expect(lines[0]).toBe('email,name,criterion_id,criterion_label,attempts,average_score,latest_score,latest_at');
		const rep = lines.filter((l) => l.startsWith('rep@demo.test,'));
		expect(rep.length).toBeGreaterThan(1);
		expect(new Set(rep.map((l) => l.split(',')[2])).size).toBe(rep.length);
	});

	it(`${label} pages through more attempts than a page holds: every finished attempt once, oldest first`, async () => {
		// Copies of a finished attempt, some sharing a start time, so the export crosses its short
		// first page and a full page, and the keyset cursor has ties to break by id.
		const database = await openDatabase(server.database.config);
		try {
			const model = await database.db.selectFrom('attempt').selectAll().where('status', '=', 'passed').where('is_playtest', '=', 0).executeTakeFirstOrThrow();
			const copies = Array.from({ length: 620 }, (_, i) => ({ ...model, id: randomUUID(), started_at: new Date(Date.UTC(2025, 0, 1, 0, Math.floor(i / 3))).toISOString() }));
			for (let i = 0; i < copies.length; i += 100) await database.db.insertInto('attempt').values(copies.slice(i, i + 100)).execute();
			const expected = await database.db.selectFrom('attempt').select(['id', 'started_at']).where('is_playtest', '=', 0).where('status', '!=', 'in_progress').execute();
			const rows = (await (await admin.request('/admin/export/attempts.csv')).text()).trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
			const ids = rows.map((r) => r[0]);
			expect(ids.length).toBeGreaterThan(620);
			expect(new Set(ids).size).toBe(ids.length);
			expect([...ids].sort()).toEqual(expected.map((a) => a.id).sort());
			const started = rows.map((r) => r[8]);
			expect(started).toEqual([...started].sort());
		} finally {
			await database.close();
		}
	});

	it(`${label} refuses the export to a team lead`, async () => {
		const lead = await sessionCaller(server.url, 'lead@demo.test');
		expect((await lead.request('/admin/export/attempts.csv')).status).toBe(403);
		expect((await lead.request('/admin/export/criteria.csv')).status).toBe(403);
	});
});
