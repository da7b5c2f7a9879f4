import type { CsvRecord } from '../csv/parse-csv';

/** What an import would do with one row; every row must be good before anything is written. */
export type CohortRole = 'learner' | 'trainer' | 'team_lead';

export interface CohortRow {
	line: number;
	email: string;
	name: string;
	teamName: string;
	role: CohortRole;
	/** create: a new person; join: existing person joins the team; unchanged: nothing to do. */
	action: 'create' | 'join' | 'unchanged';
}

export interface CohortProblem {
	line: number;
	message: string;
}

export interface KnownPerson {
	email: string;
	name: string;
	role: string;
	teamNames: string[];
}

const ROLE_NAMES: Record<string, CohortRole> = {
	'': 'learner',
	learner: 'learner',
	trainer: 'trainer',
	team_lead: 'team_lead',
	'team lead': 'team_lead'
};
const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
export const MAX_COHORT_ROWS = 500;

/** Header columns, in any order; `role` is optional (default learner). */
function columnsOf(header: string[]) {
	const names = header.map((h) => h.trim().toLowerCase());
	const at = (n: string) => names.indexOf(n);
	return { email: at('email'), name: at('name'), team: at('team'), role: at('role') };
}

export function checkCohort(records: CsvRecord[], teams: string[], known: KnownPerson[]): { rows: CohortRow[]; problems: CohortProblem[] } {
	const problems: CohortProblem[] = [];
	const [header, ...body] = records;
	if (!header) return { rows: [], problems: [{ line: 1, message: 'The file is empty: expected a header line email,name,team[,role]' }] };
	const col = columnsOf(header.fields);
	const missing = (['email', 'name', 'team'] as const).filter((c) => col[c] < 0);
	if (missing.length) return { rows: [], problems: [{ line: header.line, message: `The header lacks ${missing.join(', ')}: expected email,name,team[,role]` }] };
	if (body.length === 0) problems.push({ line: header.line, message: 'No people below the header' });
	if (body.length > MAX_COHORT_ROWS) problems.push({ line: header.line, message: `At most ${MAX_COHORT_ROWS} people per file` });
	const teamByKey = new Map(teams.map((t) => [t.toLowerCase(), t]));
	const knownByEmail = new Map(known.map((k) => [k.email.toLowerCase(), k]));
	const seen = new Map<string, number>();
	const rows: CohortRow[] = [];
	for (const { line, fields } of body) {
		const cell = (i: number) => (i >= 0 ? (fields[i] ?? '').trim() : '');
		const email = cell(col.email).toLowerCase();
		const name = cell(col.name);
		const team = teamByKey.get(cell(col.team).toLowerCase());
		const role = ROLE_NAMES[cell(col.role).toLowerCase()];
		const bad = (message: string) => problems.push({ line, message });
		if (fields.length !== header.fields.length) bad(`Expected ${header.fields.length} fields, found ${fields.length}`);
		if (!EMAIL.test(email)) bad(`"${cell(col.email)}" is not an email address`);
		else if (seen.has(email)) bad(`${email} is already on line ${seen.get(email)}`);
		else seen.set(email, line);
		if (!name) bad('The name is empty');
		if (!team) bad(`No team called "${cell(col.team)}"`);
		if (!role) bad(`"${cell(col.role)}" is not a role: use learner, trainer or team_lead`);
		const existing = knownByEmail.get(email);
		if (existing && name && existing.name !== name) bad(`${email} already exists as "${existing.name}"`);
		if (existing && role && col.role >= 0 && existing.role !== role) bad(`${email} already exists with the role ${existing.role}`);
		if (!team || !role || !name) continue;
		const action = !existing ? 'create' : existing.teamNames.includes(team) ? 'unchanged' : 'join';
		rows.push({ line, email, name, teamName: team, role, action });
	}
	return { rows, problems };
}
