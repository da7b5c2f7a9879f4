import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rubricTemplate } from '$lib/studio/rubric-template';
import { trackTemplate } from '$lib/studio/track-template';
import { playToEnd, sessionCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

// Publishing, archiving and restoring check the whole library, which takes seconds on a busy machine.
const SLOW = 90_000;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const yamlPost = (yaml: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/yaml' }, body: yaml });

describe.each(dialects)('studio rubrics and tracks %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let trainer: HttpClient;
	let learner: HttpClient;
	let n = 0;
	const freshId = (prefix: string) => `${prefix}-test-${++n}`;
	const create = (kind: string, id: string) => trainer.submit('/studio?/create', { kind, id, title: `New ${id}` });

	beforeAll(async () => {
		server = await startTestServer(dialect);
		trainer = new HttpClient(server.url);
		await trainer.signIn('trainer@demo.test');
		learner = new HttpClient(server.url);
		await learner.signIn('new.hire@demo.test');
	});
	afterAll(() => server?.stop());

	it(`${label} creates a rubric and a track from their templates, each valid and listed in the studio`, async () => {
		const rubric = freshId('rubric');
		const track = freshId('track');
		expect((await create('rubric', rubric)).headers.get('location')).toBe(`/studio/rubrics/${rubric}`);
		expect((await create('track', track)).headers.get('location')).toBe(`/studio/tracks/${track}`);
		const editor = await trainer.request(`/studio/tracks/${track}`);
		expect(editor.status).toBe(200);
		expect(await editor.text()).toContain('No problems found');
		const list = await (await trainer.request('/studio')).text();
		expect(list).toContain(`/studio/rubrics/${rubric}`);
		expect(list).toContain(`/studio/tracks/${track}`);
		expect((await create('rubric', rubric)).status).toBe(409);
	}, SLOW);

	it(`${label} refuses a rubric whose weights do not add up to 100 with 422 and the line, then saves and publishes the fix`, async () => {
		const id = freshId('rubric');
		await create('rubric', id);
		const broken = rubricTemplate(id, 'Weighted').replace('weight: 50', 'weight: 60');
		const refused = await trainer.submit(`/studio/rubrics/${id}?/save`, { source: broken });
		expect(refused.status).toBe(422);
		const page = await refused.text();
		expect(page).toContain('criteria weights add up to 110; they must add up to 100');
		expect(page).toContain(`Line ${lineOf(broken, 'criteria:')}`);
		const fixed = rubricTemplate(id, 'Weighted').replace('label: Empathy', 'label: Empathy first');
		expect((await trainer.submit(`/studio/rubrics/${id}?/save`, { source: fixed })).status).toBe(200);
		const published = await trainer.submit(`/studio/rubrics/${id}?/publish`, {});
		expect(published.status).toBe(200);
		expect(await published.text()).toContain('Published version 1');
		expect(await (await trainer.request(`/studio/rubrics/${id}/versions/1.yaml`)).text()).toBe(fixed);
	}, SLOW);

	it(`${label} answers 409 with both texts when a rubric save starts from an older revision`, async () => {
		const id = freshId('rubric');
		await create('rubric', id);
		await trainer.submit(`/studio/rubrics/${id}?/save`, { source: rubricTemplate(id, 'Theirs') });
		const stale = await trainer.submit(`/studio/rubrics/${id}?/save`, { source: rubricTemplate(id, 'Mine'), revision: 'an-old-revision' });
		expect(stale.status).toBe(409);
		const page = await stale.text();
		expect(page).toContain('Their version');
		// Both texts come back: theirs to compare, and mine still in the editor.
		expect(page).toMatch(/title: (&quot;|")Theirs/);
		expect(page).toMatch(/title: (&quot;|")Mine/);
	}, SLOW);

	it(`${label} pins a track naming a missing scenario to the line and column of that name`, async () => {
		const id = freshId('track');
		await create('track', id);
		const text = trackTemplate(id, 'Missing').replace('scenarios: [billing-dispute]', 'scenarios: [billing-dispute, no-such-scenario]');
		const { status, body } = await trainer.json(`/studio/tracks/${id}/check`, yamlPost(text));
		expect(status).toBe(200);
		const line = lineOf(text, 'no-such-scenario');
		expect(body.problems).toEqual([{ line, column: text.split('\n')[line - 1].indexOf('no-such-scenario') + 1, message: 'no scenario with id "no-such-scenario"', node: 'first-scenario' }]);
		expect((await trainer.submit(`/studio/tracks/${id}?/save`, { source: text })).status).toBe(422);
	}, SLOW);

	it(`${label} refuses a rubric change that breaks published scenarios, naming the scenario's file and spot`, async () => {
		const current = await (await trainer.request('/studio/rubrics/customer-service/versions/1.yaml')).text();
		const renamed = current.replace(/id: empathy\b/, 'id: kindness');
		const { body } = await trainer.json('/studio/rubrics/customer-service/check', yamlPost(renamed));
		const knockOn = (body.problems as { message: string }[]).filter((p) => p.message.startsWith('breaks scenarios/'));
		expect(knockOn.length).toBeGreaterThan(0);
		expect(knockOn[0].message).toMatch(/^breaks scenarios\/[a-z-]+\.yaml:\d+:\d+: .*empathy/);
	}, SLOW);

	it(`${label} archives a published track and restores it, and refuses to archive a rubric scenarios still use`, async () => {
		const id = freshId('track');
		await create('track', id);
		await trainer.submit(`/studio/tracks/${id}?/publish`, {});
		const archived = await trainer.submit('/studio?/archive', { kind: 'track', id });
		expect(archived.status).toBe(200);
		expect(await (await trainer.request(`/studio/tracks/${id}`)).text()).toContain('Restore version 1');
		const restored = await trainer.submit(`/studio/tracks/${id}?/restore`, {});
		expect(restored.status).toBe(200);
		expect(await restored.text()).toContain('Restored version 1');
		expect((await trainer.submit(`/studio/tracks/${id}?/restore`, {})).status).toBe(404);
		const needed = await trainer.submit('/studio?/archive', { kind: 'rubric', id: 'customer-service' });
		expect(needed.status).toBe(422);
		expect(await needed.text()).toContain('published content still needs');
	}, SLOW);

	it(`${label} restores an archived scenario from the studio list so learners can play it again`, async () => {
		const id = freshId('scenario');
		await create('scenario', id);
		await trainer.submit(`/studio/scenarios/${id}?/publish`, {});
		await trainer.submit('/studio?/archive', { kind: 'scenario', id });
		const hidden = await learner.json('/api/v1/scenarios');
		expect((hidden.body as { id: string }[]).map((s) => s.id)).not.toContain(id);
		expect((await trainer.submit('/studio?/restore', { kind: 'scenario', id })).status).toBe(200);
		const shown = await learner.json('/api/v1/scenarios');
		expect((shown.body as { id: string }[]).map((s) => s.id)).toContain(id);
	}, SLOW);

	it(`${label} duplicates a rubric under a new id as a draft`, async () => {
		const copy = freshId('rubric');
		const duplicated = await trainer.submit('/studio?/duplicate', { kind: 'rubric', from: 'sales', id: copy });
		expect(duplicated.headers.get('location')).toBe(`/studio/rubrics/${copy}`);
		expect(await (await trainer.request(`/studio/rubrics/${copy}`)).text()).toContain('Sales conversation scorecard (copy)');
	}, SLOW);

	it(`${label} authors a rubric and a track through the API as scripts do for scenarios`, async () => {
		const put = (path: string, yaml: string, headers: Record<string, string> = {}) =>
			trainer.json(path, { method: 'PUT', headers: { 'content-type': 'application/yaml', ...headers }, body: yaml });
		const rubric = freshId('api-rubric');
		const text = rubricTemplate(rubric, 'By script');
		expect(await put(`/api/v1/rubrics/${rubric}`, text)).toEqual({ status: 201, body: { id: rubric, version: 1, status: 'draft' } });
		expect((await put(`/api/v1/rubrics/${rubric}`, text)).status).toBe(200);
		expect(await trainer.json(`/api/v1/rubrics/${rubric}/publish`, { method: 'POST' })).toEqual({ status: 200, body: { id: rubric, version: 1, status: 'published' } });
		expect(await (await trainer.request(`/api/v1/rubrics/${rubric}.yaml`)).text()).toBe(text);
		const stale = await put(`/api/v1/rubrics/${rubric}`, text.replace('pass_mark: 80', 'pass_mark: 70'), { 'if-match': '"an-old-revision"' });
		expect(stale.status).toBe(409);
		expect(stale.body.current.source).toBe(text);

		const track = freshId('api-track');
		const broken = trackTemplate(track, 'By script').replace('[billing-dispute]', '[nowhere-scenario]');
		const invalid = await put(`/api/v1/tracks/${track}`, broken);
		expect(invalid.status).toBe(422);
		expect(invalid.body.problems).toEqual([{ line: lineOf(broken, 'nowhere-scenario'), column: 17, message: 'no scenario with id "nowhere-scenario"' }]);
		const asLearner = await learner.json(`/api/v1/tracks/${track}`, { method: 'PUT', headers: { 'content-type': 'application/yaml' }, body: broken });
		expect(asLearner.status).toBe(403);
	}, SLOW);

	it(`${label} answers 403 to a learner on rubric and track pages, their actions and the live check`, async () => {
		for (const path of ['/studio/rubrics/customer-service', '/studio/tracks/sales-agent', '/studio/tracks/sales-agent/versions']) {
			expect((await learner.request(path)).status).toBe(403);
		}
		expect((await learner.submit('/studio/rubrics/sales?/save', { source: 'id: sales' })).status).toBe(403);
		expect((await learner.submit('/studio?/create', { kind: 'track', id: freshId('track'), title: 'x' })).status).toBe(403);
		expect((await learner.request('/studio/tracks/sales-agent/check', yamlPost('id: x'))).status).toBe(403);
		expect((await trainer.request('/studio/badges/certified')).status).toBe(404);
	}, SLOW);

	// Last: it publishes a new version of a shipped rubric, which the tests above read.
	it(`${label} keeps an attempt on the rubric version it started with when a new one is published meanwhile`, async () => {
		const player = await sessionCaller(server.url, 'rep@demo.test');
		const before = await player.post('/api/v1/attempts', { scenarioId: 'billing-dispute' });
		expect(before.status).toBe(201);
		const published = await (await trainer.request('/api/v1/rubrics/customer-service.yaml')).text();
		const renamed = published.replace('label: Empathy and de-escalation', 'label: Empathy, as renamed');
		expect((await trainer.submit('/studio/rubrics/customer-service?/save', { source: renamed })).status).toBe(200);
		expect((await trainer.submit('/studio/rubrics/customer-service?/publish', {})).status).toBe(200);
		const after = await player.post('/api/v1/attempts', { scenarioId: 'billing-dispute' });
		const labelsOf = async (attemptId: string) => {
			await playToEnd(player, attemptId);
			const { body } = await player.json(`/api/v1/attempts/${attemptId}`);
			return (body.score.criteria as { id: string; label: string }[]).find((c) => c.id === 'empathy')?.label;
		};
		expect(await labelsOf(before.body.id)).toBe('Empathy and de-escalation');
		expect(await labelsOf(after.body.id)).toBe('Empathy, as renamed');
	}, SLOW);
});
