import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioTemplate } from '$lib/studio/scenario-template';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const yamlPut = (yaml: string): RequestInit => ({ method: 'PUT', headers: { 'content-type': 'application/yaml' }, body: yaml });

describe.each(dialects)('studio pages without JavaScript %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let trainer: HttpClient;
	let learner: HttpClient;
	let n = 0;
	const freshId = () => `pages-test-${++n}`;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		trainer = new HttpClient(server.url);
		await trainer.signIn('trainer@demo.test');
		learner = new HttpClient(server.url);
		await learner.signIn('new.hire@demo.test');
	});
	afterAll(() => server?.stop());

	it(`${label} creates a scenario from the template and opens its editor`, async () => {
		const id = freshId();
		const created = await trainer.submit('/studio?/create', { id, title: 'From the template' });
		expect(created.status).toBe(303);
		expect(created.headers.get('location')).toBe(`/studio/scenarios/${id}`);
		const editor = await trainer.request(`/studio/scenarios/${id}`);
		expect(editor.status).toBe(200);
		expect(await editor.text()).toContain('From the template');
	});

	it(`${label} refuses to save invalid text with 422 and keeps the text, and a stale revision with 409`, async () => {
		const id = freshId();
		await trainer.submit('/studio?/create', { id, title: 'Base' });
		const broken = scenarioTemplate(id, 'Base').replace('go: resolved', 'go: nowhere');
		const invalid = await trainer.submit(`/studio/scenarios/${id}?/save`, { source: broken });
		expect(invalid.status).toBe(422);
		expect(await invalid.text()).toContain('node check');
		await trainer.submit(`/studio/scenarios/${id}?/save`, { source: scenarioTemplate(id, 'Theirs') });
		const stale = await trainer.submit(`/studio/scenarios/${id}?/save`, { source: scenarioTemplate(id, 'Mine'), revision: 'an-old-revision' });
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain('Their version');
	});

	it(`${label} lists versions, diffs two, exports one, and rolls back by publishing it again`, async () => {
		const id = freshId();
		await trainer.json(`/api/v1/scenarios/${id}`, yamlPut(scenarioTemplate(id, 'First words')));
		await trainer.json(`/api/v1/scenarios/${id}/publish`, { method: 'POST' });
		await trainer.json(`/api/v1/scenarios/${id}`, yamlPut(scenarioTemplate(id, 'Second words')));
		await trainer.json(`/api/v1/scenarios/${id}/publish`, { method: 'POST' });
		const diff = await (await trainer.request(`/studio/scenarios/${id}/versions?from=1&to=2`)).text();
		expect(diff).toContain('1 lines added, 1 removed');
		const exported = await trainer.request(`/studio/scenarios/${id}/versions/1.yaml`);
		expect(await exported.text()).toBe(scenarioTemplate(id, 'First words'));
		const rolled = await trainer.submit(`/studio/scenarios/${id}/versions?/republish`, { version: '1' });
		expect(rolled.status).toBe(200);
		expect(await rolled.text()).toContain('as version 3');
		const latest = await trainer.request(`/api/v1/scenarios/${id}.yaml`);
		expect(await latest.text()).toBe(scenarioTemplate(id, 'First words'));
	});

	it(`${label} imports an uploaded file as a draft, and an exported version imports back unchanged`, async () => {
		const id = freshId();
		const upload = (text: string) => {
			const body = new FormData();
			body.set('file', new File([text], `${id}.yaml`, { type: 'application/yaml' }));
			return trainer.request('/studio?/import', { method: 'POST', body, headers: { accept: 'text/html' } });
		};
		const imported = await upload(scenarioTemplate(id, 'Imported'));
		expect(imported.status).toBe(303);
		const exported = await (await trainer.request(`/studio/scenarios/${id}/versions/1.yaml`)).text();
		expect((await upload(exported)).status).toBe(303);
		const versions = await (await trainer.request(`/studio/scenarios/${id}/versions`)).text();
		expect(versions).not.toContain('v2');
	});

	it(`${label} starts a play-test at a middle node with preset flags`, async () => {
		const id = freshId();
		await trainer.submit('/studio?/create', { id, title: 'Play-test me' });
		const started = await trainer.submit(`/studio/scenarios/${id}?/playtest`, { node: 'check', mood: '6', patience: '', flags: 'verified' });
		expect(started.status).toBe(303);
		const play = await (await trainer.request(started.headers.get('location')!)).text();
		expect(play).toContain('So can you fix it?');
		expect(play).toContain('Started at node <code>check</code>');
		expect(play).toContain('Score so far');
	});

	it(`${label} answers 403 to a learner on every studio page and the live check`, async () => {
		for (const path of ['/studio', '/studio/scenarios/billing-dispute', '/studio/scenarios/billing-dispute/versions']) {
			expect((await learner.request(path)).status).toBe(403);
		}
		expect((await learner.submit('/studio?/create', { id: freshId(), title: 'x' })).status).toBe(403);
		const check = await learner.request('/studio/scenarios/billing-dispute/check', { ...yamlPut('id: x'), method: 'POST' });
		expect(check.status).toBe(403);
	});
});
