import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { RollupDeltas } from '../../studio/analytics-rollup';
import { rollupRanges } from '../../studio/analytics-period';
import type { RollupSums } from '../../studio/analytics-report';
import type { AnalyticsTables } from './analytics-schema';
import {
	arraysUpsertStatement,
	columnArraysOf,
	parametersOf,
	sortedByKey,
	textCache,
	upsertStatement,
	type RollupShape
} from './analytics-upsert-sql';
import type { Database } from './schema';

type RollupTable = Exclude<keyof AnalyticsTables, 'analytics_backfill'>;

/** Each roll-up table, its key columns after (scenario_id, team_id, grain, day), and its counters. */
export const ROLLUP_TABLES: Record<keyof RollupDeltas, { table: RollupTable; key: string[]; counters: string[] }> = {
	outcome: { table: 'analytics_outcome', key: [], counters: ['attempts', 'passed', 'failed', 'abandoned', 'scored', 'score_sum'] },
	criterion: { table: 'analytics_criterion', key: ['criterion_id'], counters: ['scored', 'score_sum'] },
	choice: { table: 'analytics_choice', key: ['node_id', 'option_id'], counters: ['chosen'] },
	node: { table: 'analytics_node', key: ['node_id'], counters: ['reached', 'abandoned', 'failed_here', 'failed_after', 'critical'] },
	critical: { table: 'analytics_critical', key: ['criterion_id'], counters: ['failures'] }
};

const keyColumns = (extra: string[]) => ['scenario_id', 'team_id', 'grain', 'day', ...extra];
const CHUNK = 400;
type Row = Record<string, unknown>;

const SHAPES = Object.entries(ROLLUP_TABLES).map(([name, { table, key, counters }]) => ({
	name: name as keyof RollupDeltas,
	shape: { table, key: keyColumns(key), counters } satisfies RollupShape
}));

// The roll-up SQL is written per dialect: asked of the dialect's own compiler once per adapter.
const numbered = new WeakMap<object, boolean>();
const isPostgres = (db: Kysely<Database>): boolean => {
	const adapter = db.getExecutor().adapter;
	let answer = numbered.get(adapter);
	if (answer === undefined) numbered.set(adapter, (answer = sql`${0}`.compile(db).sql !== '?'));
	return answer;
};
const cachedText = textCache();

/**
 * Adds one attempt's rows to the roll-ups (`x = x + excluded.x` per key), the same sums on SQLite
 * and PostgreSQL. Run it inside the transaction that ends the attempt. The SQL is written by hand
 * (see analytics-upsert-sql.ts): one statement for all tables on PostgreSQL, one per table on SQLite.
 */
export async function addToRollups(db: Kysely<Database>, deltas: RollupDeltas): Promise<void> {
	const parts = SHAPES.map(({ name, shape }) => ({ shape, rows: sortedByKey(deltas[name] as unknown as Row[], shape.key) })).filter(
		(p) => p.rows.length > 0
	);
	if (parts.length === 0) return;
	if (isPostgres(db)) {
		const text = cachedText(`pg:${parts.map((p) => p.shape.table).join(',')}`, () => arraysUpsertStatement(parts.map((p) => p.shape)));
		await db.executeQuery(CompiledQuery.raw(text, parts.flatMap((p) => columnArraysOf(p.shape, p.rows))));
		return;
	}
	for (const { shape, rows } of parts) {
		for (let i = 0; i < rows.length; i += CHUNK) {
			const chunk = rows.slice(i, i + CHUNK);
			const text = cachedText(`${shape.table}:${chunk.length}`, () => upsertStatement(shape, chunk.length));
			await db.executeQuery(CompiledQuery.raw(text, parametersOf(shape, chunk)));
		}
	}
}

export async function clearRollups(db: Kysely<Database>): Promise<void> {
	for (const { table } of Object.values(ROLLUP_TABLES)) await db.deleteFrom(table).execute();
}

export async function rollupsAreEmpty(db: Kysely<Database>): Promise<boolean> {
	const row = await db.selectFrom('analytics_outcome').select('scenario_id').limit(1).executeTakeFirst();
	return !row;
}

/** Every roll-up row in key order, counters as numbers: for comparing an incremental roll-up with a rebuilt one. */
export async function readAllRollups(db: Kysely<Database>): Promise<Record<keyof RollupDeltas, Record<string, string | number>[]>> {
	const out = {} as Record<keyof RollupDeltas, Record<string, string | number>[]>;
	for (const [name, { table, key, counters }] of Object.entries(ROLLUP_TABLES)) {
		const columns = keyColumns(key);
		let query = db.selectFrom(table).selectAll();
		for (const c of columns) query = query.orderBy(c as never);
		const rows = (await query.execute()) as Record<string, unknown>[];
		out[name as keyof RollupDeltas] = rows.map((r) =>
			Object.fromEntries([...columns.map((c) => [c, String(r[c])]), ...counters.map((c) => [c, Number(r[c])])])
		);
	}
	return out;
}

export interface RollupFilter {
	/** A team's id, ALL_TEAMS or NO_TEAM. */
	teamId: string;
	/** Inclusive UTC days, YYYY-MM-DD; absent = open-ended. */
	from?: string;
	to?: string;
}

const n = (v: unknown) => Number(v ?? 0);

/** The roll-ups of one scenario summed over a team bucket and a period: whole months, plus the days at its ends. */
export async function readScenarioRollups(db: Kysely<Database>, scenarioId: string, filter: RollupFilter): Promise<RollupSums> {
	const ranges = rollupRanges(filter.from, filter.to);
	const range = <T extends RollupTable>(table: T) =>
		db
			.selectFrom(table as RollupTable)
			.where('scenario_id', '=', scenarioId)
			.where('team_id', '=', filter.teamId)
			.where((eb) => eb.or(ranges.map((r) => eb.and([eb('grain', '=', r.grain), eb('day', '>=', r.from), eb('day', '<=', r.to)]))));
	const sum = (column: string) => sql<string>`sum(${sql.ref(column)})`.as(column);
	const [outcome, criteria, choices, nodes, critical] = await Promise.all([
		range('analytics_outcome').select(['attempts', 'passed', 'failed', 'abandoned', 'scored', 'score_sum'].map(sum)).executeTakeFirst(),
		range('analytics_criterion').select(['criterion_id', sum('scored'), sum('score_sum')]).groupBy('criterion_id').execute(),
		range('analytics_choice').select(['node_id', 'option_id', sum('chosen')]).groupBy(['node_id', 'option_id']).execute(),
		range('analytics_node')
			.select(['node_id', ...['reached', 'abandoned', 'failed_here', 'failed_after', 'critical'].map(sum)])
			.groupBy('node_id')
			.execute(),
		range('analytics_critical').select(['criterion_id', sum('failures')]).groupBy('criterion_id').execute()
	]);
	const o = (outcome ?? {}) as Record<string, unknown>;
	return {
		outcome: { attempts: n(o.attempts), passed: n(o.passed), failed: n(o.failed), abandoned: n(o.abandoned), scored: n(o.scored), scoreSum: n(o.score_sum) },
		criteria: (criteria as Record<string, unknown>[]).map((r) => ({ criterionId: String(r.criterion_id), scored: n(r.scored), scoreSum: n(r.score_sum) })),
		choices: (choices as Record<string, unknown>[]).map((r) => ({ nodeId: String(r.node_id), optionId: String(r.option_id), chosen: n(r.chosen) })),
		nodes: (nodes as Record<string, unknown>[]).map((r) => ({
			nodeId: String(r.node_id),
			reached: n(r.reached),
			abandoned: n(r.abandoned),
			failedHere: n(r.failed_here),
			failedAfter: n(r.failed_after),
			critical: n(r.critical)
		})),
		critical: (critical as Record<string, unknown>[]).map((r) => ({ criterionId: String(r.criterion_id), failures: n(r.failures) }))
	};
}
