import { CompiledQuery, createQueryId, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteSentBefore } from '../../src/lib/server/db/xapi-outbox';
import type { OutboxStatus } from '../../src/lib/server/db/xapi-outbox-schema';
import { pruneSentStatements, startOutboxPruner } from '../../src/lib/server/xapi/outbox-pruner';
import { migratedDatabase } from './support/migrated-database';
import { dialectLabel, dialects } from './support/test-database';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-07T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS).toISOString();

type Row = { id: string; status: OutboxStatus; queuedDaysAgo: number; sentDaysAgo?: number };
/** More statements sent long ago than one batch deletes. */
const oldSentBacklog = (count: number) =>
	Array.from({ length: count }, (_, i): Row => ({ id: `old-${String(i).padStart(5, '0')}`, status: 'sent', queuedDaysAgo: 100, sentDaysAgo: 99 }));

describe.each(dialects)('pruning the LRS outbox %s', (dialect) => {
	const label = dialectLabel(dialect);
	const app = migratedDatabase(dialect);

	const queue = async (rows: Row[]) => {
		// In chunks: PostgreSQL takes at most 65,535 parameters in one statement.
		for (let i = 0; i < rows.length; i += 500) {
			await app.db
				.insertInto('xapi_outbox')
				.values(
					rows.slice(i, i + 500).map((r) => ({
						statement_id: r.id,
						source_kind: 'attempt' as const,
						source_id: `attempt-${r.id}`,
						status: r.status,
						tries: 0,
						next_try_at: daysAgo(r.queuedDaysAgo),
						created_at: daysAgo(r.queuedDaysAgo),
						sent_at: r.sentDaysAgo === undefined ? null : daysAgo(r.sentDaysAgo)
					}))
				)
				.execute();
		}
	};
	const left = async () => (await app.db.selectFrom('xapi_outbox').select('statement_id').orderBy('statement_id').execute()).map((r) => r.statement_id);

	beforeEach(async () => {
		await sql`delete from xapi_outbox`.execute(app.db);
	});

	it(`${label} deletes what the LRS accepted before the kept days, and nothing waiting or refused`, async () => {
		await queue([
			{ id: 'sent-long-ago', status: 'sent', queuedDaysAgo: 41, sentDaysAgo: 40 },
			{ id: 'sent-lately', status: 'sent', queuedDaysAgo: 11, sentDaysAgo: 10 },
			// Queued before the cut-off, sent after it (the LRS was down for weeks): kept its full time.
			{ id: 'sent-after-an-outage', status: 'sent', queuedDaysAgo: 45, sentDaysAgo: 2 },
			{ id: 'waiting-long', status: 'pending', queuedDaysAgo: 60 },
			{ id: 'refused-long-ago', status: 'failed', queuedDaysAgo: 60 }
		]);
		expect(await pruneSentStatements(app.db, 30, { now: NOW })).toBe(1);
		expect(await left()).toEqual(['refused-long-ago', 'sent-after-an-outage', 'sent-lately', 'waiting-long']);
	});

	it(`${label} with no days kept, deletes everything already sent`, async () => {
		await queue([
			{ id: 'sent-an-hour-ago', status: 'sent', queuedDaysAgo: 1, sentDaysAgo: 1 / 24 },
			{ id: 'waiting', status: 'pending', queuedDaysAgo: 0 }
		]);
		expect(await pruneSentStatements(app.db, 0, { now: NOW })).toBe(1);
		expect(await left()).toEqual(['waiting']);
	});

	it(`${label} works through a backlog larger than one batch`, async () => {
		await queue([...oldSentBacklog(2_345), { id: 'recent', status: 'sent', queuedDaysAgo: 1, sentDaysAgo: 1 }]);
		expect(await pruneSentStatements(app.db, 30, { now: NOW })).toBe(2_345);
		expect(await left()).toEqual(['recent']);
	});

	it(`${label} stops after the batch in hand when the server is shutting down`, async () => {
		await queue(oldSentBacklog(2_345));
		expect(await pruneSentStatements(app.db, 30, { now: NOW, stopping: () => true })).toBe(1_000);
		expect(await left()).toHaveLength(1_345);
	});

	it(`${label} finds the rows through the outbox's due index, not by reading the table`, async () => {
		const nodes: RootOperationNode[] = [];
		const recording: KyselyPlugin = { transformQuery: ({ node }) => (nodes.push(node), node), transformResult: async ({ result }) => result };
		await deleteSentBefore(app.db.withPlugin(recording), daysAgo(30), 1_000);
		// The delete comes last: its subquery is recorded first, as it is built into it.
		const query = app.db.getExecutor().compileQuery(nodes.at(-1)!, createQueryId());
		const explain = `explain ${dialect === 'sqlite' ? 'query plan ' : ''}${query.sql}`;
		const plan = await app.db.connection().execute(async (connection) => {
			// A table this small would be read whole anyway: ask PostgreSQL what it would do with an index.
			if (dialect === 'postgres') await connection.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
			const rows = (await connection.executeQuery<Record<string, string>>(CompiledQuery.raw(explain, [...query.parameters]))).rows;
			if (dialect === 'postgres') await connection.executeQuery(CompiledQuery.raw('reset all'));
			return rows.map((r) => r.detail ?? r['QUERY PLAN']).join('\n');
		});
		expect(plan).toMatch(/xapi_outbox_due_idx/);
		expect(plan).not.toMatch(/SCAN xapi_outbox\b(?! USING)|Seq Scan on xapi_outbox/);
	});

	it(`${label} runs in the background from start-up until stopped`, async () => {
		await queue([{ id: 'sent-long-ago', status: 'sent', queuedDaysAgo: 41, sentDaysAgo: 40 }]);
		const pruner = startOutboxPruner(app.db, { keepDays: 30, firstAfterMs: 0, everyMs: 60_000 });
		const deadline = Date.now() + 10_000;
		while ((await left()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		await pruner.stop();
		expect(await left()).toEqual([]);
	});
});
