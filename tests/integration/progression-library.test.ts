import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackTemplate } from '$lib/studio/track-template';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/*
 * Progression keeps the parsed tracks and badges while the published set stays the same
 * (learner-facts.ts): a track published, changed or archived meanwhile must show at once.
 */
describe.each(dialects)('the progression library %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let trainer: HttpClient;
	let learner: HttpClient;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		trainer = new HttpClient(server.url);
		await trainer.signIn('trainer@demo.test');
		learner = new HttpClient(server.url);
		await learner.signIn('new.hire@demo.test');
	});
	afterAll(() => server?.stop());

	const titlesOnProgress = async () =>
		((await learner.json('/api/v1/me/progress')).body.certifications as { id: string; title: string }[]).filter((c) => c.id === 'cache-check').map((c) => c.title);
	const publish = async (yaml: string) => {
		const put = await trainer.json('/api/v1/tracks/cache-check', { method: 'PUT', headers: { 'content-type': 'application/yaml' }, body: yaml });
		expect(put.status).toBeLessThan(300);
		expect((await trainer.json('/api/v1/tracks/cache-check/publish', { method: 'POST' })).status).toBe(200);
	};

	it(`${label} shows a track published, then changed, then archived, on the learner's next request`, async () => {
		expect(await titlesOnProgress()).toEqual([]);
		await publish(trackTemplate('cache-check', 'First title'));
		expect(await titlesOnProgress()).toEqual(['First title']);
		await publish(trackTemplate('cache-check', 'Second title'));
		expect(await titlesOnProgress()).toEqual(['Second title']);
		const archived = await trainer.submit('/studio?/archive', { kind: 'track', id: 'cache-check' });
		expect(archived.status).toBeLessThan(400);
		expect(await titlesOnProgress()).toEqual([]);
	}, 90_000);
});
