import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord } from '../../../src/lib/csv/parse-csv';
import { csvCell, csvLine } from '../../../src/lib/csv/write-csv';
import { checkCohort } from '../../../src/lib/people/cohort-check';

const records = (text: string): CsvRecord[] => {
	const parsed = parseCsv(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return parsed.records;
};

describe('parseCsv', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks, keeping each record’s first line', () => {
		const r = records('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n');
		expect(r).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['x, y', 'say "hi"'] },
			{ line: 3, fields: ['two\nlines', 'z'] }
		]);
	});

	it('reports an unclosed quote with the line it starts on', () => {
		expect(parseCsv('a\n"open,b\nc')).toEqual({ ok: false, line: 2, message: 'A quoted field is never closed' });
	});
});

describe('csvCell', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(['+1', '-2', '@a'].map(csvCell)).toEqual(["'+1", "'-2", "'@a"]);
		expect(csvCell(-2)).toBe('-2');
		expect(csvLine(['a,b', null, 3])).toBe('"a,b",,3\r\n');
	});
});

describe('checkCohort', () => {
	const known = [{ email: 'rep@demo.test', name: 'Ray Esposito', role: 'learner', teamNames: ['Harbour Team'] }];
	it('reports every bad row with its line number', () => {
		const csv = 'email,name,team,role\nok@x.test,Ok,Harbour Team,\nbad-email,B,Harbour Team,\nok@x.test,Dup,Harbour Team,\nc@x.test,C,Nowhere,\nd@x.test,D,Harbour Team,boss\nrep@demo.test,Someone Else,Harbour Team,\n';
		const { problems } = checkCohort(records(csv), ['Harbour Team'], known);
		expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
		expect(problems[1].message).toContain('already on line 2');
	});

	it('plans nothing for people already on their team, and a join for those who are not', () => {
		const { rows, problems } = checkCohort(records('Email,Name,Team\nrep@demo.test,Ray Esposito,harbour team\nnew@x.test,New,Summit\n'), ['Harbour Team', 'Summit'], known);
		expect(problems).toEqual([]);
		expect(rows.map((r) => r.action)).toEqual(['unchanged', 'create']);
		expect(rows[0].teamName).toBe('Harbour Team');
	});

	it('refuses a header without the required columns', () => {
		expect(checkCohort(records('mail,name\n'), [], []).problems[0].message).toContain('lacks email, team');
	});
});
