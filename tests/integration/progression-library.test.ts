import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { trackTemplate } from '$lib/studio/track-template';
import { Track } from '$lib/content/track-schema';
import { contentHash } from '../../src/lib/server/content/sync-content';
import { archiveContent } from '../../src/lib/server/db/content-drafts';
import { insertNextVersion } from '../../src/lib/server/db/content-versions';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
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
	let database: AppDatabase;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		trainer = new HttpClient(server.url);
		await trainer.signIn('trainer@demo.test');
		learner = new HttpClient(server.url);
		await learner.signIn('new.hire@demo.test');
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	const titlesOnProgress = async (id = 'cache-check') =>
		((await learner.json('/api/v1/me/progress')).body.certifications as { id: string; title: string }[]).filter((c) => c.id === id).map((c) => c.title);
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

	// Another instance on the same database publishes without this server knowing: the library is
	// checked against the database on every evaluation, never trusted from memory.
	it(`${label} shows a track another instance published or archived, on the learner's next request`, async () => {
		const publishElsewhere = async (title: string) => {
			const source = trackTemplate('elsewhere-check', title);
			const version = await insertNextVersion(database.db, 'track', {
				id: 'elsewhere-check',
				title,
				source,
				definition: Track.parse(parse(source)),
				contentHash: contentHash(source),
				origin: 'api',
				status: 'published'
			});
			expect(version).toBeDefined();
		};
		expect(await titlesOnProgress('elsewhere-check')).toEqual([]);
		await publishElsewhere('Published elsewhere');
		expect(await titlesOnProgress('elsewhere-check')).toEqual(['Published elsewhere']);
		await publishElsewhere('Changed elsewhere');
		expect(await titlesOnProgress('elsewhere-check')).toEqual(['Changed elsewhere']);
		expect(await archiveContent(database.db, 'track', 'elsewhere-check')).toBe(2);
		expect(await titlesOnProgress('elsewhere-check')).toEqual([]);
	}, 90_000);
});
