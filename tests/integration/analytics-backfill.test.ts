import { Migrator, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { migrations } from '../../src/lib/server/db/migrations/migration-list';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { addToRollups, clearRollups, readAllRollups } from '../../src/lib/server/db/scenario-analytics';
import { backfillScenarioAnalyticsIfEmpty, rebuildScenarioAnalytics } from '../../src/lib/server/studio/analytics-rebuild';
import { rollupDeltas } from '../../src/lib/studio/analytics-rollup';
import { createTestDatabase, dialectLabel, dialects, type TestDatabase } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

describe.each(dialects)('scenario analytics back-fill %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	// Two pools on PostgreSQL, as two instances starting at once would have. SQLite serves one
	// process: better-sqlite3 waits for a lock synchronously, so a second connection in this process
	// would stall the first; there the two back-fills share the connection and interleave between
	// transactions, which takes the same path (a page found already taken).
	let first: AppDatabase;
	let second: AppDatabase;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		first = await openDatabase(server.database.config);
		second = dialect === 'sqlite' ? first : await openDatabase(server.database.config);
	});
	afterAll(async () => {
		await first?.close();
		if (second !== first) await second?.close();
		await server?.stop();
	});
	const marker = () => first.db.selectFrom('analytics_backfill').selectAll().where('id', '=', 'scenario-analytics').execute();
	const forgetBackfill = async () => {
		await clearRollups(first.db);
		await first.db.deleteFrom('analytics_backfill').execute();
	};

	it(`${label} filled the demo history once at start-up, equal to a rebuild by replay`, async () => {
		const atStartUp = await readAllRollups(first.db);
		expect(atStartUp.outcome.length).toBeGreaterThan(0);
		expect((await marker()).map((m) => Number(m.done))).toEqual([1]);
		await rebuildScenarioAnalytics(first.db);
		expect(await readAllRollups(first.db)).toEqual(atStartUp);
	});

	it(`${label} adds each attempt once when two instances back-fill at the same time, a few attempts a page`, async () => {
		await rebuildScenarioAnalytics(first.db);
		const expected = await readAllRollups(first.db);
		await forgetBackfill();
		const took = await Promise.all([backfillScenarioAnalyticsIfEmpty(first.db, 2), backfillScenarioAnalyticsIfEmpty(second.db, 2)]);
		expect(took).toContain(true);
		expect(await readAllRollups(first.db)).toEqual(expected);
		expect((await marker()).map((m) => Number(m.done))).toEqual([1]);
	});

	it(`${label} resumes a back-fill that stopped half-way where it stopped, adding no page twice`, async () => {
		await rebuildScenarioAnalytics(first.db);
		const expected = await readAllRollups(first.db);
		await forgetBackfill();
		// Each page updates the marker twice (to take its lock, then to move it on): fail the fourth page.
		let updates = 0;
		const crashing: KyselyPlugin = {
			transformQuery: ({ node }) => {
				if (node.kind === 'UpdateQueryNode' && ++updates > 6) throw new Error('the instance stopped');
				return node;
			},
			transformResult: async ({ result }) => result
		};
		await expect(backfillScenarioAnalyticsIfEmpty(first.db.withPlugin(crashing), 2)).rejects.toThrow('the instance stopped');
		const [stopped] = await marker();
		expect({ done: Number(stopped.done), started: stopped.after_id !== '' }).toEqual({ done: 0, started: true });
		expect(await backfillScenarioAnalyticsIfEmpty(second.db, 2)).toBe(true);
		expect(await readAllRollups(first.db)).toEqual(expected);
	});

	it(`${label} adds nothing again once done, nor to roll-ups that already hold rows`, async () => {
		const before = await readAllRollups(first.db);
		expect(await backfillScenarioAnalyticsIfEmpty(second.db, 2)).toBe(false);
		await first.db.deleteFrom('analytics_backfill').execute();
		expect(await backfillScenarioAnalyticsIfEmpty(second.db, 2)).toBe(false);
		expect(await readAllRollups(first.db)).toEqual(before);
		expect((await marker()).map((m) => Number(m.done))).toEqual([1]);
	});

	it(`${label} takes two rebuilds in turn instead of adding them up`, async () => {
		await rebuildScenarioAnalytics(first.db);
		const before = await readAllRollups(first.db);
		await Promise.all([rebuildScenarioAnalytics(first.db, 2), rebuildScenarioAnalytics(second.db, 2)]);
		expect(await readAllRollups(first.db)).toEqual(before);
	});
});

describe.each(dialects)('migration 0014_analytics_backfill %s', (dialect) => {
	const label = dialectLabel(dialect);
	const databases: TestDatabase[] = [];
	const opened: AppDatabase[] = [];
	afterAll(async () => {
		for (const app of opened) await app.close();
		for (const database of databases) await database.drop();
	});
	/** A database migrated up to the one before the back-fill marker, optionally with one attempt rolled up. */
	const before0014 = async (rolledUp: boolean) => {
		const database = await createTestDatabase(dialect);
		databases.push(database);
		const app = await openDatabase(database.config);
		opened.push(app);
		const { error } = await new Migrator({ db: app.db, provider: { getMigrations: async () => migrations } }).migrateTo('0012_attempt_criteria');
		expect(error).toBeUndefined();
		const facts = { scenarioId: 'billing', day: '2026-11-01', status: 'abandoned' as const, total: null, endNodeId: 'open' };
		if (rolledUp) await addToRollups(app.db, rollupDeltas({ ...facts, path: [], criteria: [], criticalFailures: [] }, []));
		return app;
	};
	const markers = (app: AppDatabase) => app.db.selectFrom('analytics_backfill').select(['after_id', 'done']).execute();

	it(`${label} marks the back-fill done where the roll-ups already hold rows, and leaves empty ones to fill`, async () => {
		const filled = await before0014(true);
		const empty = await before0014(false);
		await migrateToLatest(filled.db);
		await migrateToLatest(empty.db);
		expect((await markers(filled)).map((m) => Number(m.done))).toEqual([1]);
		expect(await markers(empty)).toEqual([]);
	});
});
