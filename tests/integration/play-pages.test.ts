import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/** Text as Svelte writes it into HTML. */
const inHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe.each(dialects)('play, debrief and catalog pages without JavaScript %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let learner: HttpClient;
	let scenarios: { id: string; title: string; family: string }[];

	beforeAll(async () => {
		server = await startTestServer(dialect);
		learner = new HttpClient(server.url);
		await learner.signIn('priya.nair@demo.test');
		scenarios = (await learner.json('/api/v1/scenarios')).body;
	});
	afterAll(() => server?.stop());

	const start = async (client = learner, scenarioId = scenarios[0].id) => {
		const response = await client.submit('/scenarios?/start', { scenarioId });
		expect(response.status).toBe(303);
		const id = response.headers.get('location')!.match(/^\/play\/([^/]+)$/)?.[1];
		expect(id).toBeDefined();
		return id!;
	};
	const attempt = async (id: string, client = learner) => (await client.json(`/api/v1/attempts/${id}`)).body;
	const choose = (id: string, seq: number, optionId: string, client = learner) =>
		client.submit(`/play/${id}?/choose`, { seq: String(seq), optionId, notes: 'caller sounds upset' });

	it(`${label} lists scenarios in the catalog and filters them by family, ignoring nonsense filters`, async () => {
		const all = await (await learner.request('/scenarios')).text();
		for (const s of scenarios) expect(all).toContain(inHtml(s.title));
		const family = scenarios[0].family;
		const filtered = await (await learner.request(`/scenarios?family=${family}`)).text();
		for (const s of scenarios) expect(filtered.includes(`<h3 id="scenario-${s.id}"`)).toBe(s.family === family);
		expect((await learner.request('/scenarios?family=nope&difficulty=99&status=%00&q=' + 'x'.repeat(500))).status).toBe(200);
	});

	it(`${label} plays steps with form posts: repeats are harmless, stale seq is 409, an option not offered 422`, async () => {
		const id = await start();
		const first = await attempt(id);
		const page = await (await learner.request(`/play/${id}`)).text();
		expect(page).toContain(inHtml(first.turn.customer.split('\n')[0]));
		const [a, b] = first.turn.options;

		const stepped = await choose(id, 0, a.id);
		expect(stepped.status).toBe(200);
		// Notes come back with the page, so a learner without JavaScript keeps them.
		expect(await stepped.text()).toContain('caller sounds upset</textarea>');
		expect((await choose(id, 0, a.id)).status).toBe(200);
		expect((await attempt(id)).seq).toBe(1);

		expect((await choose(id, 0, b.id)).status).toBe(409);
		expect((await choose(id, 1, 'not-on-offer')).status).toBe(422);
		expect((await learner.submit(`/play/${id}?/choose`, { seq: '1' })).status).toBe(400);
		expect((await learner.submit(`/play/${id}?/choose`, { seq: 'one', optionId: a.id })).status).toBe(400);
		expect((await attempt(id)).seq).toBe(1);
	});

	it(`${label} makes exactly one step of a double submission`, async () => {
		const id = await start();
		const [a] = (await attempt(id)).turn.options;
		const same = await Promise.all([choose(id, 0, a.id), choose(id, 0, a.id)]);
		expect(same.map((r) => r.status)).toEqual([200, 200]);
		expect((await attempt(id)).seq).toBe(1);

		const next = (await attempt(id)).turn.options;
		const racing = await Promise.all([choose(id, 1, next[0].id), choose(id, 1, next.at(-1).id)]);
		expect(racing.map((r) => r.status).sort()).toEqual(next.length > 1 ? [200, 409] : [200, 200]);
		expect((await attempt(id)).seq).toBe(2);
	});

	it(`${label} sends the last step to the debrief, a finished attempt's play page too, and an unfinished debrief back to play`, async () => {
		const id = await start();
		let state = await attempt(id);
		let last: Response | undefined;
		for (let guard = 0; state.turn && guard < 60; guard++) {
			last = await choose(id, state.seq, state.turn.options[0].id);
			state = await attempt(id);
		}
		expect(last!.status).toBe(303);
		expect(last!.headers.get('location')).toBe(`/attempts/${id}`);
		expect((await learner.request(`/play/${id}`)).headers.get('location')).toBe(`/attempts/${id}`);
		const debrief = await learner.request(`/attempts/${id}`);
		expect(debrief.status).toBe(200);
		const html = await debrief.text();
		expect(html).toContain('Rubric breakdown');
		expect(html).toMatch(new RegExp(`<strong[^>]*>${state.score.total}</strong>`));

		const open = await start();
		expect((await learner.request(`/attempts/${open}`)).headers.get('location')).toBe(`/play/${open}`);
	});

	it(`${label} abandons an attempt and shows the debrief without a score`, async () => {
		const id = await start();
		const response = await learner.submit(`/play/${id}?/abandon`, {});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/attempts/${id}`);
		expect((await attempt(id)).status).toBe('abandoned');
		expect(await (await learner.request(`/attempts/${id}`)).text()).toContain('was abandoned');
	});

	it(`${label} answers 404 for someone else's play page, its actions and its debrief`, async () => {
		const id = await start();
		const other = new HttpClient(server.url);
		await other.signIn('sam.oconnell@demo.test');
		expect((await other.request(`/play/${id}`)).status).toBe(404);
		expect((await other.request(`/attempts/${id}`)).status).toBe(404);
		expect((await choose(id, 0, 'anything', other)).status).toBe(404);
		expect((await other.submit(`/play/${id}?/abandon`, {})).status).toBe(404);
		expect((await attempt(id)).status).toBe('in_progress');
	});

	it(`${label} loses no acknowledged step when the server is killed with SIGKILL and restarted`, async () => {
		const id = await start();
		const acknowledged: string[] = [];
		for (let seq = 0; seq < 3; seq++) {
			const { turn } = await attempt(id);
			if (!turn) break;
			const response = await choose(id, seq, turn.options[0].id);
			expect(response.status).toBe(200);
			acknowledged.push(turn.options[0].id);
		}
		await server.kill();
		await server.restart();

		const resumed = await attempt(id);
		expect(resumed.status).toBe('in_progress');
		expect(resumed.seq).toBe(acknowledged.length);
		expect(resumed.transcript.flatMap((t: { choice?: { id: string } }) => (t.choice ? [t.choice.id] : []))).toEqual(acknowledged);
		const page = await learner.request(`/play/${id}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(inHtml(resumed.turn.customer.split('\n')[0]));
		expect((await choose(id, resumed.seq, resumed.turn.options[0].id)).status).toBeLessThan(400);
	});
});
