import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { readAllRollups } from '../../src/lib/server/db/scenario-analytics';
import { addTeamMember } from '../../src/lib/server/db/teams';
import { findUserByEmail } from '../../src/lib/server/db/users';
import { rebuildScenarioAnalytics } from '../../src/lib/server/studio/analytics-rebuild';
import { signedInAs } from './support/admin-pages';
import { sessionCaller, type ApiCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const SCENARIO = 'billing-dispute';
const page = (query = '') => `/studio/scenarios/${SCENARIO}/analytics${query}`;

/** The figures a trainer reads at the top of the page. */
function figures(html: string) {
	const dd = (term: string) => html.match(new RegExp(`<dt[^>]*>${term}</dt>\\s*<dd[^>]*>([^<]*)</dd>`))?.[1]?.trim();
	const [passed, failed, abandoned] = (dd('Passed · failed · abandoned') ?? '').split('·').map((s) => Number(s.trim()));
	return { attempts: Number(dd('Attempts')), passed, failed, abandoned };
}
const teamOptions = (html: string) => {
	const select = html.match(/<select id="filter-team" name="team"[^>]*>([\s\S]*?)<\/select>/)?.[1] ?? '';
	return new Map([...select.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g)].map((m) => [m[2], m[1]]));
};

// A small seeded generator: the "random" plays are the same on every run and both dialects.
const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** Plays one attempt with random choices; abandons it part-way when asked. Returns its final status and first reply. */
async function playRandomly(caller: ApiCaller, browser: HttpClient, random: () => number, abandonAfter?: number) {
	const { body } = await caller.post('/api/v1/attempts', { scenarioId: SCENARIO });
	let { seq, turn } = body;
	let first: string | undefined;
	for (let step = 0; turn; step++) {
		if (step === abandonAfter) {
			expect((await browser.submit(`/play/${body.id}?/abandon`, {})).status).toBe(303);
			return { status: 'abandoned', first };
		}
		const option = turn.options[Math.floor(random() * turn.options.length)];
		first ??= option.text as string;
		const answer = await caller.post(`/api/v1/attempts/${body.id}/steps`, { seq, optionId: option.id });
		expect(answer.status).toBe(200);
		({ seq, turn } = answer.body);
		if (!turn) return { status: answer.body.status as string, first };
	}
	throw new Error('the attempt never ended');
}

const unescape = (text: string) =>
	text.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** How often each option was chosen at a node, as its table on the page says. */
function choicesAt(html: string, nodeId: string) {
	const section = html.match(new RegExp(`<section id="node-${nodeId}"[\\s\\S]*?</section>`))?.[0] ?? '';
	const rows = [...section.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>\s*<td class="count[^"]*">(\d+)<\/td>/g)];
	return new Map(rows.map((m) => [unescape(m[1]), Number(m[2])]));
}

describe.each(dialects)('scenario analytics %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;
	let trainer: HttpClient;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		trainer = await signedInAs(new HttpClient(server.url), 'trainer@demo.test');
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});
	const read = async (client: HttpClient, query = '') => {
		const response = await client.request(page(query));
		return { status: response.status, html: await response.text() };
	};
	/** What the attempt table itself says, for the oracle. */
	const countedInDb = async (since?: string) => {
		let query = database.db
			.selectFrom('attempt')
			.select(['status'])
			.where('scenario_id', '=', SCENARIO)
			.where('is_playtest', '=', 0)
			.where('status', '!=', 'in_progress');
		if (since) query = query.where('finished_at', '>=', since);
		const rows = await query.execute();
		return { attempts: rows.length, passed: rows.filter((r) => r.status === 'passed').length, failed: rows.filter((r) => r.status === 'failed').length, abandoned: rows.filter((r) => r.status === 'abandoned').length };
	};

	it(`${label} shows the demo history's attempts without any play`, async () => {
		const { status, html } = await read(trainer);
		expect(status).toBe(200);
		const shown = figures(html);
		expect(shown.attempts).toBeGreaterThan(0);
		expect(shown).toEqual(await countedInDb());
		// A read-only report: sent as HTML alone, without the client or its data a second time.
		expect(html).not.toContain('<script');
	});

	it(`${label} counts a learner's finished and abandoned attempts, per team, and each node's choices`, async () => {
		const { html: before } = await read(trainer);
		const harbour = teamOptions(before).get('Harbour Team')!;
		const summit = teamOptions(before).get('Summit Team')!;
		const hireHarbourBefore = figures((await read(trainer, `?team=${harbour}`)).html);
		const summitBefore = figures((await read(trainer, `?team=${summit}`)).html);
		const hire = await sessionCaller(server.url, 'new.hire@demo.test');
		const hireBrowser = await signedInAs(new HttpClient(server.url), 'new.hire@demo.test');
		const random = seeded(7);
		const allBefore = (await read(trainer)).html;
		const plays = [
			await playRandomly(hire, hireBrowser, random),
			await playRandomly(hire, hireBrowser, random),
			await playRandomly(hire, hireBrowser, random, 1)
		];
		const { html: after } = await read(trainer, `?team=${harbour}`);
		const delta = (status: string) => plays.filter((p) => p.status === status).length;
		expect(figures(after)).toEqual({
			attempts: hireHarbourBefore.attempts + 3,
			passed: hireHarbourBefore.passed + delta('passed'),
			failed: hireHarbourBefore.failed + delta('failed'),
			abandoned: hireHarbourBefore.abandoned + 1
		});
		expect(figures((await read(trainer, `?team=${summit}`)).html)).toEqual(summitBefore);
		const allAfter = (await read(trainer)).html;
		expect(figures(allAfter)).toEqual(await countedInDb());
		// Each play's first reply was made at the start node: its count there went up by exactly that.
		const [openingBefore, openingAfter] = [choicesAt(allBefore, 'opening'), choicesAt(allAfter, 'opening')];
		expect(openingAfter.size).toBeGreaterThan(1);
		for (const [text, count] of openingAfter) {
			expect(count - (openingBefore.get(text) ?? 0)).toBe(plays.filter((p) => p.first === text).length);
		}
	});

	it(`${label} leaves play-tests out`, async () => {
		const before = figures((await read(trainer)).html);
		const started = await trainer.submit(`/studio/scenarios/${SCENARIO}?/playtest`, { node: 'opening', mood: '', patience: '', flags: '' });
		const location = started.headers.get('location') ?? '';
		const attemptId = location.split('/').pop()!;
		const trainerApi = await sessionCaller(server.url, 'trainer@demo.test');
		let { seq, turn } = (await trainerApi.json(`/api/v1/attempts/${attemptId}`)).body;
		for (let i = 0; turn && i < 60; i++) ({ seq, turn } = (await trainerApi.post(`/api/v1/attempts/${attemptId}/steps`, { seq, optionId: turn.options[0].id })).body);
		const row = await database.db.selectFrom('attempt').select(['is_playtest', 'status']).where('id', '=', attemptId).executeTakeFirstOrThrow();
		expect(Number(row.is_playtest)).toBe(1);
		expect(row.status).not.toBe('in_progress');
		expect(figures((await read(trainer)).html)).toEqual(before);
	});

	it(`${label} filters by period: recent days leave the rep's months-old attempts out`, async () => {
		const now = Date.now();
		const since = (days: number) => new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10);
		const last90 = figures((await read(trainer, '?period=90')).html);
		expect(last90).toEqual(await countedInDb(since(90)));
		expect(last90.attempts).toBeLessThan(figures((await read(trainer, '?period=all')).html).attempts);
		const tomorrow = new Date(now + 86_400_000).toISOString().slice(0, 10);
		expect(figures((await read(trainer, `?period=custom&from=${tomorrow}&to=${tomorrow}`)).html).attempts).toBe(0);
	});

	it(`${label} keeps the incremental roll-ups equal to a rebuild by replay after random play`, async () => {
		const random = seeded(dialect === 'sqlite' ? 3 : 5);
		const players = ['rep@demo.test', 'priya.nair@demo.test', 'new.hire@demo.test'];
		for (let i = 0; i < 9; i++) {
			const email = players[i % players.length];
			const abandonAfter = random() < 0.3 ? Math.floor(random() * 3) : undefined;
			await playRandomly(await sessionCaller(server.url, email), await signedInAs(new HttpClient(server.url), email), random, abandonAfter);
		}
		const incremental = await readAllRollups(database.db);
		expect(incremental.outcome.length).toBeGreaterThan(0);
		await rebuildScenarioAnalytics(database.db);
		expect(await readAllRollups(database.db)).toEqual(incremental);
	});

	it(`${label} counts a learner on two teams in both, once for everyone, and a learner on no team under "No team"`, async () => {
		const { html } = await read(trainer);
		const teams = teamOptions(html);
		const buckets = ['All teams', 'Harbour Team', 'Summit Team', 'No team'];
		const before = await Promise.all(buckets.map(async (b) => figures((await read(trainer, `?team=${encodeURIComponent(teams.get(b)!)}`)).html).attempts));
		const { user } = (await findUserByEmail(database.db, 'mina.cho@demo.test'))!;
		await addTeamMember(database.db, teams.get('Summit Team')!, user.id);
		const mina = await sessionCaller(server.url, 'mina.cho@demo.test');
		const random = seeded(11);
		await playRandomly(mina, await signedInAs(new HttpClient(server.url), 'mina.cho@demo.test'), random);
		const trainerApi = await sessionCaller(server.url, 'trainer@demo.test');
		await playRandomly(trainerApi, trainer, random);
		const after = await Promise.all(buckets.map(async (b) => figures((await read(trainer, `?team=${encodeURIComponent(teams.get(b)!)}`)).html).attempts));
		expect(after.map((n, i) => n - before[i])).toEqual([2, 1, 1, 1]);
	});

	it(`${label} lets a team lead see only the teams they lead, and refuses a learner`, async () => {
		const lead = await signedInAs(new HttpClient(server.url), 'lead@demo.test');
		const { status, html } = await read(lead);
		expect(status).toBe(200);
		expect([...teamOptions(html).keys()]).toEqual(['Harbour Team']);
		const summit = teamOptions((await read(trainer)).html).get('Summit Team')!;
		expect((await read(lead, `?team=${summit}`)).status).toBe(404);
		expect((await read(lead, '?team=*')).status).toBe(404);
		const learner = await signedInAs(new HttpClient(server.url), 'rep@demo.test');
		expect((await read(learner)).status).toBe(403);
	});

	it(`${label} answers 400 to a malformed filter, 422 to a period that ends before it starts, 404 to an unknown scenario`, async () => {
		expect((await read(trainer, '?period=forever')).status).toBe(400);
		expect((await read(trainer, '?period=custom&from=yesterday')).status).toBe(400);
		expect((await read(trainer, '?period=custom&from=2026-02-01&to=2026-01-01')).status).toBe(422);
		expect((await trainer.request('/studio/scenarios/no-such-scenario/analytics')).status).toBe(404);
	});
});
