import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures, CALLERS } from './support/authorization/fixtures';
import { describeProbe, isRefusal, probesFor, send, type Probe } from './support/authorization/probe';
import { ROUTE_RULES } from './support/authorization/route-rules';
import { routeEntries, type RouteEntry } from './support/authorization/route-tree';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/**
 * Every page load, form action and endpoint under src/routes, asked by every kind of caller, with
 * every record id swapped for the caller's own, a teammate's and another team's: whoever the rule
 * in route-rules.ts allows gets through, everyone else is refused (401/403/404 or sent to sign in).
 */
const entries = routeEntries();
const ruled = entries.filter((e) => ROUTE_RULES[e.key]);
const CONCURRENCY = 8;

describe('authorization rules', () => {
	it('has a rule for every page, action and endpoint in src/routes', () => {
		const missing = entries.filter((e) => !ROUTE_RULES[e.key]).map((e) => `${e.key}   (${e.file})`);
		expect(missing, `add a rule in tests/integration/support/authorization/route-rules.ts for:\n${missing.join('\n')}`).toEqual([]);
	});

	it('finds the routes it should (the walk itself works)', () => {
		const keys = entries.map((e) => e.key);
		expect(keys).toContain('GET /attempts/[attemptId]');
		expect(keys).toContain('POST /profile?/changePassword');
		expect(keys).toContain('PUT /api/v1/scenarios/[id]');
		expect(keys).toContain('POST /signout');
		expect(entries.length).toBeGreaterThan(60);
	});
});

/** What went wrong with one entry's probes, as lines a person can read. */
async function check(probe: Probe, response: Response): Promise<string | undefined> {
	const { status } = response;
	const { ok, okText } = probe.rule;
	// Where a refusal and an allowed answer share a status, the text tells whether the domain code was reached.
	const reached = okText ? okText.test(await response.text()) : ok.includes(status);
	if (!response.bodyUsed) await response.body?.cancel();
	if (probe.allowed && !(ok.includes(status) && reached)) return `${describeProbe(probe)}: expected ${ok.join('/')}, got ${status}`;
	if (!probe.allowed && (!isRefusal(probe, response) || (okText && reached))) {
		return `${describeProbe(probe)}: expected a refusal, got ${status} ${response.headers.get('location') ?? ''}`;
	}
	return undefined;
}

/** Runs every probe, a few at a time. The rules' allowed answers hold in any order (a cancel before or after a view). */
async function runAll(probes: Probe[], sendOne: (p: Probe) => Promise<string | undefined>) {
	const results = new Map<Probe, string | undefined>();
	let next = 0;
	const worker = async () => {
		while (next < probes.length) {
			const probe = probes[next++];
			results.set(probe, await sendOne(probe));
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return results;
}

describe.each(dialects)('authorization matrix %s', (dialect) => {
	let server: TestServer;
	const probes = new Map<RouteEntry, Probe[]>(ruled.map((e) => [e, probesFor(e, ROUTE_RULES[e.key], CALLERS)]));
	let results: Map<Probe, string | undefined>;
	beforeAll(async () => {
		server = await startTestServer(dialect, { env: { LOG_LEVEL: 'silent' } });
		const fixtures = await buildFixtures(server);
		results = await runAll([...probes.values()].flat(), async (probe) => check(probe, await send(probe, fixtures)));
	}, 180_000);
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it.each(ruled.map((e) => [e.key, e] as const))(`${label} %s`, (_key, entry) => {
		const mine = probes.get(entry)!;
		expect(mine.map((p) => results.get(p)).filter(Boolean), entry.key).toEqual([]);
		// Not vacuous: somebody gets through, and unless the route is public somebody is refused.
		expect(mine.some((p) => p.allowed)).toBe(true);
		if (ROUTE_RULES[entry.key].who !== 'everyone') expect(mine.some((p) => !p.allowed)).toBe(true);
	});
});
