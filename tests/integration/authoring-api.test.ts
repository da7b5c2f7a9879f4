import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioTemplate } from '$lib/studio/scenario-template';
import { sessionCaller, tokenCaller, type ApiCaller } from './support/api-callers';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const put = (yaml: string, headers: Record<string, string> = {}): RequestInit => ({
	method: 'PUT',
	headers: { 'content-type': 'application/yaml', ...headers },
	body: yaml
});

describe.each(dialects)('authoring API for scenarios %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let trainer: ApiCaller;
	let script: ApiCaller;
	let learner: ApiCaller;
	let n = 0;
	const freshId = () => `api-test-${++n}`;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		trainer = await sessionCaller(server.url, 'trainer@demo.test');
		script = await tokenCaller(server.url, 'trainer@demo.test');
		learner = await sessionCaller(server.url, 'new.hire@demo.test');
	});
	afterAll(() => server?.stop());

	it(`${label} creates a draft with 201, then rewrites the same draft with 200`, async () => {
		const id = freshId();
		const first = await trainer.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'First')));
		expect(first).toEqual({ status: 201, body: { id, version: 1, status: 'draft' } });
		const second = await trainer.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'Second')));
		expect(second).toEqual({ status: 200, body: { id, version: 1, status: 'draft' } });
	});

	it(`${label} publishes a draft, keeps it out of reach of later saves, and shows it to learners`, async () => {
		const id = freshId();
		await script.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'Published one')));
		const published = await script.json(`/api/v1/scenarios/${id}/publish`, { method: 'POST' });
		expect(published).toEqual({ status: 200, body: { id, version: 1, status: 'published' } });
		const next = await script.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'Changed after publishing')));
		expect(next).toEqual({ status: 201, body: { id, version: 2, status: 'draft' } });
		const listed = (await learner.json('/api/v1/scenarios')).body.find((s: { id: string }) => s.id === id);
		expect(listed).toMatchObject({ version: 1, title: 'Published one' });
	});

	it(`${label} exports the latest version as YAML that puts back without a new version`, async () => {
		const id = freshId();
		const yaml = scenarioTemplate(id, 'Round trip');
		await trainer.json(`/api/v1/scenarios/${id}`, put(yaml));
		await trainer.json(`/api/v1/scenarios/${id}/publish`, { method: 'POST' });
		const exported = await trainer.request(`/api/v1/scenarios/${id}.yaml`);
		expect(exported.status).toBe(200);
		expect(exported.headers.get('content-type')).toMatch(/^application\/yaml/);
		const text = await exported.text();
		expect(text).toBe(yaml);
		const again = await trainer.json(`/api/v1/scenarios/${id}`, put(text));
		expect(again).toEqual({ status: 200, body: { id, version: 1, status: 'published' } });
	});

	it(`${label} answers 422 with line and column for invalid content`, async () => {
		const id = freshId();
		const broken = scenarioTemplate(id, 'Broken').replace('go: resolved', 'go: nowhere');
		const { status, body } = await trainer.json(`/api/v1/scenarios/${id}`, put(broken));
		expect(status).toBe(422);
		expect(body.error).toEqual(expect.any(String));
		const line = broken.split('\n').findIndex((l) => l.includes('go: nowhere')) + 1;
		expect(body.problems).toContainEqual({ line, column: expect.any(Number), message: expect.stringContaining('nowhere') });
	});

	it(`${label} answers 422 when the body's id is not the path's`, async () => {
		const { status, body } = await trainer.json(`/api/v1/scenarios/${freshId()}`, put(scenarioTemplate('someone-else', 'Other')));
		expect(status).toBe(422);
		expect(body.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('someone-else') });
	});

	it(`${label} answers 422 when the scenario names a rubric that is not published`, async () => {
		const id = freshId();
		const { status, body } = await trainer.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'X').replace('rubric: customer-service', 'rubric: nope')));
		expect(status).toBe(422);
		expect(body.problems[0].message).toContain('nope');
	});

	it(`${label} refuses a body that is not YAML with 415 and a body over 256 KiB with 413`, async () => {
		const id = freshId();
		const json = await trainer.json(`/api/v1/scenarios/${id}`, { ...put('{}'), headers: { 'content-type': 'application/json' } });
		expect(json.status).toBe(415);
		const huge = await trainer.json(`/api/v1/scenarios/${id}`, put(`# ${'x'.repeat(257 * 1024)}\n`));
		expect(huge.status).toBe(413);
	});

	it(`${label} answers 409 with the current text when If-Match names an older revision`, async () => {
		const id = freshId();
		const created = await trainer.request(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'Base')));
		const base = created.headers.get('etag')!;
		await created.text();
		await trainer.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'Theirs'), { 'if-match': base }));
		const mine = await trainer.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'Mine'), { 'if-match': base }));
		expect(mine.status).toBe(409);
		expect(mine.body.current.source).toContain('Theirs');
	});

	it(`${label} lets a learner neither save, publish nor export (403)`, async () => {
		const id = freshId();
		expect((await learner.json(`/api/v1/scenarios/${id}`, put(scenarioTemplate(id, 'Nope')))).status).toBe(403);
		expect((await learner.json(`/api/v1/scenarios/${id}/publish`, { method: 'POST' })).status).toBe(403);
		expect((await learner.json(`/api/v1/scenarios/billing-dispute.yaml`)).status).toBe(403);
	});

	it(`${label} answers 404 for publishing or exporting a scenario that does not exist`, async () => {
		expect((await trainer.json(`/api/v1/scenarios/no-such-one/publish`, { method: 'POST' })).status).toBe(404);
		expect((await trainer.json(`/api/v1/scenarios/no-such-one.yaml`)).status).toBe(404);
	});
});
