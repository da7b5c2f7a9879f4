import type { CreateTableBuilder, Kysely } from 'kysely';

// Frozen in time once shipped: never import app code here.
// Scenario analytics (issue 7): daily roll-ups per scenario and team bucket, added to in the
// transaction that ends an attempt. The primary key leads with (scenario, team, day) so a
// filtered page reads one index range.
// `grain` is 'd' (day = YYYY-MM-DD) or 'm' (day = YYYY-MM): whole months of a long period are read
// from the monthly rows, only the partial months at its ends from the daily ones.
const KEY = ['scenario_id', 'team_id', 'grain', 'day'];

const rollup = (db: Kysely<any>, table: string, extraKey: string[], counters: string[]) => {
	let create: CreateTableBuilder<string, string> = db.schema
		.createTable(table)
		.addColumn('scenario_id', 'text', (c) => c.notNull())
		.addColumn('team_id', 'text', (c) => c.notNull())
		.addColumn('grain', 'text', (c) => c.notNull())
		.addColumn('day', 'text', (c) => c.notNull());
	for (const column of extraKey) create = create.addColumn(column, 'text', (c) => c.notNull());
	for (const column of counters) create = create.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0));
	return create.addPrimaryKeyConstraint(`${table}_pk`, [...KEY, ...extraKey]).execute();
};

export async function up(db: Kysely<any>): Promise<void> {
	await rollup(db, 'analytics_outcome', [], ['attempts', 'passed', 'failed', 'abandoned', 'scored', 'score_sum']);
	await rollup(db, 'analytics_criterion', ['criterion_id'], ['scored', 'score_sum']);
	await rollup(db, 'analytics_choice', ['node_id', 'option_id'], ['chosen']);
	await rollup(db, 'analytics_node', ['node_id'], ['reached', 'abandoned', 'failed_here', 'failed_after', 'critical']);
	await rollup(db, 'analytics_critical', ['criterion_id'], ['failures']);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['analytics_critical', 'analytics_node', 'analytics_choice', 'analytics_criterion', 'analytics_outcome']) {
		await db.schema.dropTable(table).execute();
	}
}
