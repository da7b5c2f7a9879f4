import type { Kysely } from 'kysely';
import { checkLibrary } from '../../content/check-library';
import type { Scenario } from '../../content/scenario-schema';
import { AUTHORED_KINDS } from '../../studio/content-kinds';
import { latestVersions } from '../db/content-versions';
import type { ContentKind, ContentStatus, Database } from '../db/schema';
import { listUsers } from '../db/users';
import { studioPath } from './validate-content';

export interface StudioRow {
	kind: ContentKind;
	id: string;
	title: string;
	version: number;
	status: ContentStatus;
	family: string | null;
	lastEditor: string;
	editedAt: string;
	/** Problems found when checking the latest text against the rest of the library as it stands. */
	problemCount: number;
}

/**
 * Everything a trainer can author, newest version of each id, with who touched it last and
 * whether it still passes the checks (a rubric may have changed under a scenario since).
 */
export async function studioList(db: Kysely<Database>): Promise<StudioRow[]> {
	const [byKind, badges, users] = await Promise.all([
		Promise.all(AUTHORED_KINDS.map((k) => latestVersions(db, k))),
		latestVersions(db, 'badge', { status: 'published' }),
		listUsers(db)
	]);
	const names = new Map(users.map((u) => [u.id, u.name]));
	const latest = byKind.flat();
	// Archived content is off the catalog, so nothing may lean on it.
	const checked = checkLibrary([...latest.filter((v) => v.status !== 'archived'), ...badges].map((v) => ({ path: studioPath(v.kind, v.id), text: v.source })));
	const problems = new Map<string, number>();
	for (const p of checked.problems) problems.set(p.path, (problems.get(p.path) ?? 0) + 1);
	return latest.map((v) => ({
		kind: v.kind,
		id: v.id,
		title: v.title,
		version: v.version,
		status: v.status,
		family: v.kind === 'scenario' ? (v.definition as Scenario).family : null,
		lastEditor: v.createdBy ? (names.get(v.createdBy) ?? 'someone') : 'content files',
		editedAt: v.createdAt,
		problemCount: problems.get(studioPath(v.kind, v.id)) ?? 0
	}));
}
