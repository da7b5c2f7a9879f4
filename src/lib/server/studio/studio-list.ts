import type { Kysely } from 'kysely';
import { checkLibrary } from '../../content/check-library';
import type { Scenario } from '../../content/scenario-schema';
import { latestVersions, type ContentVersion } from '../db/content-versions';
import type { ContentKind, ContentStatus, Database } from '../db/schema';
import { listUsers } from '../db/users';

export interface StudioRow {
	kind: ContentKind;
	id: string;
	title: string;
	version: number;
	status: ContentStatus;
	family: string | null;
	lastEditor: string;
	editedAt: string;
	/** Problems found when checking the latest text against today's published rubrics. */
	problemCount: number;
}

const KINDS: ContentKind[] = ['scenario', 'rubric', 'track'];

/**
 * Everything a trainer can author, newest version of each id, with who touched it last and
 * whether it still passes the checks (a rubric may have changed under a scenario since).
 */
export async function studioList(db: Kysely<Database>): Promise<StudioRow[]> {
	const [byKind, users] = await Promise.all([Promise.all(KINDS.map((k) => latestVersions(db, k))), listUsers(db)]);
	const names = new Map(users.map((u) => [u.id, u.name]));
	const publishedRubrics = await latestVersions(db, 'rubric', { status: 'published' });
	const pathOf = (v: ContentVersion) => `${v.kind}s/${v.id}.yaml`;
	const checked = checkLibrary([
		...publishedRubrics.map((r) => ({ path: `rubrics/${r.id}.yaml`, text: r.source })),
		...byKind[0].map((v) => ({ path: pathOf(v), text: v.source }))
	]);
	const problemsIn = (path: string) => checked.problems.filter((p) => p.path === path).length;
	return byKind.flat().map((v) => ({
		kind: v.kind,
		id: v.id,
		title: v.title,
		version: v.version,
		status: v.status,
		family: v.kind === 'scenario' ? (v.definition as Scenario).family : null,
		lastEditor: v.createdBy ? (names.get(v.createdBy) ?? 'someone') : 'content files',
		editedAt: v.createdAt,
		problemCount: v.kind === 'scenario' ? problemsIn(pathOf(v)) : 0
	}));
}
