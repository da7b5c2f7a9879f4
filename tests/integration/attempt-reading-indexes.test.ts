import { CompiledQuery, createQueryId, type Kysely, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaOfPerson } from '../../src/lib/server/db/attempt-criteria';
import { loadAttemptRecords } from '../../src/lib/server/db/attempt-records';
import { reportAttemptPage } from '../../src/lib/server/db/attempt-reports';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import type { Database } from '../../src/lib/server/db/schema';
import { activityInScope, recentFinishedInScope } from '../../src/lib/server/db/team-reports';
import { memberIdsOf, teamIdsOf } from '../../src/lib/server/db/teams';
import { findUserByEmail } from '../../src/lib/server/db/users';
import { dialectLabel, dialects, type Dialect } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/** Records the queries a repository function runs, so their plans can be asked for afterwards. */
function recordingQueries(db: Kysely<Database>) {
	const nodes: RootOperationNode[] = [];
	const plugin: KyselyPlugin = {
		transformQuery: ({ node }) => {
			nodes.push(node);
			return node;
		},
		transformResult: async ({ result }) => result
	};
	return { db: db.withPlugin(plugin), queries: () => nodes.map((node) => db.getExecutor().compileQuery(node, createQueryId())) };
}

/**
 * The plan of each query, one text per query. PostgreSQL is told to avoid sequential and bitmap
 * scans (a demo-sized table would be read whole anyway) and its visibility map is filled, so the
 * plan shows whether the index alone can answer: "Index Only Scan".
 */
async function plansOf(dialect: Dialect, db: Kysely<Database>, queries: CompiledQuery[]): Promise<string[]> {
	if (dialect === 'sqlite') {
		const plans = [];
		for (const q of queries) plans.push((await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]))).rows.map((r) => r.detail).join('\n'));
		return plans;
	}
	await db.executeQuery(CompiledQuery.raw('vacuum analyze attempt, attempt_criterion_score'));
	return db.connection().execute(async (connection) => {
		await connection.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
		await connection.executeQuery(CompiledQuery.raw('set enable_bitmapscan = off'));
		const plans = [];
		for (const q of queries)
			plans.push((await connection.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]))).rows.map((r) => r['QUERY PLAN']).join('\n'));
		await connection.executeQuery(CompiledQuery.raw('reset all'));
		return plans;
	});
}

const fromIndexAlone = (dialect: Dialect, index: string) =>
	dialect === 'sqlite' ? new RegExp(`USING COVERING INDEX ${index}\\b`) : new RegExp(`Index Only Scan (Backward )?using ${index}\\b`);

describe.each(dialects)('the large-organisation pages read attempts from covering indexes %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;
	let repId: string;

	beforeAll(async () => {
		// The demo organisation's history: finished attempts with scores and criterion rows.
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		repId = (await findUserByEmail(database.db, 'rep@demo.test'))!.user.id;
	}, 120_000);
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	it(`${label} counts and ranks the team view's attempts from attempt_person_reading_idx, as the stored rows say`, async () => {
		const scope = { teamIds: await teamIdsOf(database.db, repId) };
		const since = '2000-01-01T00:00:00.000Z';
		const recording = recordingQueries(database.db);
		const [activity, recent] = await Promise.all([activityInScope(recording.db, scope, since), recentFinishedInScope(recording.db, scope, since, 5)]);
		const stored = await database.db
			.selectFrom('attempt')
			.select(['id', 'user_id', 'status', 'started_at', 'updated_at'])
			.where('user_id', 'in', await memberIdsOf(database.db, scope.teamIds))
			.where('is_playtest', '=', 0)
			.execute();
		expect(stored.length).toBeGreaterThan(5);
		const byUser = new Map<string, typeof stored>();
		for (const a of stored) byUser.set(a.user_id, [...(byUser.get(a.user_id) ?? []), a]);
		const expectedActivity = [...byUser].map(([userId, own]) => ({
			userId,
			attempts: own.length,
			passed: own.filter((a) => a.status === 'passed').length,
			failed: own.filter((a) => a.status === 'failed').length,
			lastActive: own.map((a) => a.updated_at).sort().at(-1)
		}));
		expect(activity.toSorted((a, b) => a.userId.localeCompare(b.userId))).toEqual(expectedActivity.sort((a, b) => a.userId.localeCompare(b.userId)));
		const newestFirst = (a: { started_at: string; id: string }, b: { started_at: string; id: string }) => b.started_at.localeCompare(a.started_at) || b.id.localeCompare(a.id);
		const expectedRecent = [...byUser.values()].flatMap((own) => own.filter((a) => a.status !== 'in_progress').sort(newestFirst).slice(0, 5));
		expect(recent.map((a) => a.id).sort()).toEqual(expectedRecent.map((a) => a.id).sort());
		expect(recent.map((a) => a.startedAt)).toEqual(recent.map((a) => a.startedAt).sort().reverse());
		// The plugin also sees the subqueries on their own; every one that reads the attempt table.
		const queries = recording.queries();
		const plans = await plansOf(dialect, database.db, queries);
		const attemptPlans = plans.filter((_, i) => /^select .* from "attempt" as "a"/.test(queries[i].sql));
		expect(attemptPlans.length).toBeGreaterThanOrEqual(2);
		for (const plan of attemptPlans) expect(plan).toMatch(fromIndexAlone(dialect, 'attempt_person_reading_idx'));
	});

	it(`${label} answers the progress page's scored attempts and criterion scores from the index alone`, async () => {
		const recording = recordingQueries(database.db);
		const records = await loadAttemptRecords(recording.db, repId);
		const criteria = await criteriaOfPerson(recording.db, repId);
		expect(records.length).toBeGreaterThan(0);
		expect(records.every((r) => criteria.has(r.id))).toBe(true);
		const plans = await plansOf(dialect, database.db, recording.queries());
		expect(plans.find((p) => /attempt_person_reading_idx/.test(p))).toMatch(fromIndexAlone(dialect, 'attempt_person_reading_idx'));
		expect(plans.find((p) => /attempt_criterion_score_person_reading_idx/.test(p))).toMatch(fromIndexAlone(dialect, 'attempt_criterion_score_person_reading_idx'));
	});

	it(`${label} pages the results export through attempt_export_reading_idx, first page and next`, async () => {
		const recording = recordingQueries(database.db);
		const first = await reportAttemptPage(recording.db, 'started', null, 3, false);
		const next = await reportAttemptPage(recording.db, 'started', { key: first[2].startedAt, id: first[2].id }, 3, false);
		expect(first).toHaveLength(3);
		expect(next[0].startedAt >= first[2].startedAt).toBe(true);
		const plans = await plansOf(dialect, database.db, recording.queries());
		for (const plan of plans) expect(plan).toMatch(fromIndexAlone(dialect, 'attempt_export_reading_idx'));
	});
});
