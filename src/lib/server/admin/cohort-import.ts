import type { Kysely } from 'kysely';
import { parseCsv } from '../../csv/parse-csv';
import { checkCohort, type CohortProblem, type CohortRow } from '../../people/cohort-check';
import type { Actor } from '../access';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../db/audit-log';
import type { Database } from '../db/schema';
import { addTeamMembers, listMemberships, listTeams } from '../db/teams';
import { createUsers, findUsersByEmails } from '../db/users';
import { failure, ok, type Result } from '../http-errors';
import { temporaryPassword } from './temporary-password';

export interface CohortPreview {
	rows: CohortRow[];
	problems: CohortProblem[];
}

/** Checks a whole file against the teams and people that exist now. Writes nothing. */
export async function previewCohort(db: Kysely<Database>, text: string): Promise<CohortPreview> {
	const parsed = parseCsv(text);
	if (!parsed.ok) return { rows: [], problems: [{ line: parsed.line, message: parsed.message }] };
	const emails = parsed.records.slice(1).flatMap((r) => r.fields.filter((f) => f.includes('@')).map((f) => f.trim().toLowerCase()));
	const [teams, existing, memberships] = await Promise.all([listTeams(db), findUsersByEmails(db, emails), listMemberships(db)]);
	const known = existing.map((u) => ({
		email: u.email,
		name: u.name,
		role: u.role,
		teamNames: memberships.filter((m) => m.userId === u.id).map((m) => m.teamName)
	}));
	return checkCohort(parsed.records, teams.map((t) => t.name), known);
}

export interface ImportedPerson {
	email: string;
	name: string;
	temporaryPassword: string;
}

export interface CohortImport {
	created: ImportedPerson[];
	joined: number;
	unchanged: number;
}

/**
 * All or nothing: any bad row refuses the whole file, and the writes share one transaction.
 * Idempotent: people who exist already are left alone (or only join their team), so the same file
 * imported twice changes nothing the second time.
 */
export async function importCohort(db: Kysely<Database>, actor: Actor, text: string): Promise<Result<CohortImport> & { problems?: CohortProblem[] }> {
	const preview = await previewCohort(db, text);
	if (preview.problems.length) return { ...failure('invalid', `${preview.problems.length} problem(s): nothing was imported`), problems: preview.problems };
	const toCreate = preview.rows.filter((r) => r.action === 'create');
	// Hashing is slow on purpose; do it before the transaction so locks are held briefly.
	const passwords = toCreate.map(() => temporaryPassword());
	const hashes = await Promise.all(passwords.map(hashPassword));
	const teams = new Map((await listTeams(db)).map((t) => [t.name, t.id]));
	const joins = preview.rows.filter((r) => r.action === 'join');
	const created = await db.transaction().execute(async (trx) => {
		const users = await createUsers(trx, toCreate.map((row, i) => ({ email: row.email, name: row.name, role: row.role, passwordHash: hashes[i] })));
		const joiners = await findUsersByEmails(trx, joins.map((j) => j.email));
		const idOf = new Map([...users, ...joiners].map((u) => [u.email, u.id]));
		await addTeamMembers(trx, [...toCreate, ...joins].map((row) => ({ teamId: teams.get(row.teamName)!, userId: idOf.get(row.email)! })));
		const people = users.map((u, i) => ({ email: u.email, name: u.name, temporaryPassword: passwords[i] }));
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'people.imported',
			subjectType: 'cohort',
			details: { created: people.map((p) => p.email), joined: joins.map((j) => j.email), unchanged: preview.rows.length - people.length - joins.length }
		});
		return people;
	});
	return ok({ created, joined: joins.length, unchanged: preview.rows.length - created.length - joins.length });
}
