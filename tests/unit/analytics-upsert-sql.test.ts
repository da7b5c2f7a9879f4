import { describe, expect, it } from 'vitest';
import {
	arraysUpsertStatement,
	columnArraysOf,
	parametersOf,
	sortedByKey,
	textCache,
	upsertStatement,
	type RollupShape
} from '$lib/server/db/analytics-upsert-sql';

const choice: RollupShape = { table: 'analytics_choice', key: ['scenario_id', 'node_id', 'option_id'], counters: ['chosen'] };
const outcome: RollupShape = { table: 'analytics_outcome', key: ['scenario_id', 'day'], counters: ['attempts', 'passed'] };
const row = (scenario_id: string, node_id: string, option_id: string, chosen = 1) => ({ scenario_id, node_id, option_id, chosen });

describe('upsertStatement (SQLite)', () => {
	it('has one tuple of placeholders per row, one placeholder per column', () => {
		const text = upsertStatement(choice, 3);
		expect(text.match(/\(\?,\?,\?,\?\)/g)).toHaveLength(3);
		expect(text.match(/\?/g)).toHaveLength(12);
	});

	it('adds each counter to the stored one on a key conflict', () => {
		expect(upsertStatement(outcome, 1)).toBe(
			'insert into "analytics_outcome" ("scenario_id","day","attempts","passed") values (?,?,?,?)' +
				' on conflict ("scenario_id","day") do update set "attempts" = "analytics_outcome"."attempts" + excluded."attempts",' +
				' "passed" = "analytics_outcome"."passed" + excluded."passed"'
		);
	});
});

describe('arraysUpsertStatement (PostgreSQL)', () => {
	it('numbers one array per column of every table, in order, and writes every table in a CTE', () => {
		const text = arraysUpsertStatement([outcome, choice]);
		expect([...text.matchAll(/\$(\d+)::(\w+)\[\]/g)].map((m) => `${m[1]}${m[2]}`)).toEqual([
			'1text', '2text', '3bigint', '4bigint', '5text', '6text', '7text', '8bigint'
		]);
		expect(text).toMatch(/^with u0 as \(insert into "analytics_outcome" .*\), u1 as \(insert into "analytics_choice" .*\) select 1$/);
	});
});

describe('parameters', () => {
	it('lists values row after row in column order (SQLite), or one array per column (PostgreSQL)', () => {
		const rows = [row('s', 'a', 'x', 2), row('s', 'b', 'y', 3)];
		expect(parametersOf(choice, rows)).toEqual(['s', 'a', 'x', 2, 's', 'b', 'y', 3]);
		expect(columnArraysOf(choice, rows)).toEqual([['s', 's'], ['a', 'b'], ['x', 'y'], [2, 3]]);
	});
});

describe('sortedByKey', () => {
	it('orders rows by the key tuple, column by column, whatever order they come in', () => {
		const rows = [row('s', 'ab', 'x'), row('s', 'a', 'z'), row('r', 'z', 'z'), row('s', 'a', 'b')];
		const expected = [row('r', 'z', 'z'), row('s', 'a', 'b'), row('s', 'a', 'z'), row('s', 'ab', 'x')];
		expect(sortedByKey(rows, choice.key)).toEqual(expected);
		expect(sortedByKey([...rows].reverse(), choice.key)).toEqual(expected);
	});
});

describe('textCache', () => {
	it('builds a text once per shape and starts over when full', () => {
		const cached = textCache(2);
		let built = 0;
		const build = (text: string) => () => (built++, text);
		expect(cached('a', build('A'))).toBe('A');
		expect(cached('a', build('other'))).toBe('A');
		cached('b', build('B'));
		expect(built).toBe(2);
		expect(cached('c', build('C'))).toBe('C');
		expect(cached('a', build('A again'))).toBe('A again');
	});
});
