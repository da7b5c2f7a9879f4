import type { Kysely } from 'kysely';
import { checkLibrary, type Library } from '../../content/check-library';
import type { ContentFile } from '../../content/content-limits';
import { formatProblem, type Problem } from '../../content/problem';
import { kindFolder, type AuthoredKind } from '../../studio/content-kinds';
import { latestVersions } from '../db/content-versions';
import type { ContentKind, Database } from '../db/schema';

export type Authored = { id: string; title: string };
export type ContentCheck = { definition?: Authored; problems: Problem[] };

/**
 * Path the checker sees for a studio file: the plain `scenarios/` folder skips the family-folder
 * rule, and one path per id lets a draft stand in for its published version.
 */
export const studioPath = (kind: ContentKind, id: string) => `${kind}s/${id}.yaml`;

const LIBRARY_KINDS: ContentKind[] = ['rubric', 'scenario', 'track', 'badge'];

/**
 * Today's library as learners meet it: the latest published version of every id, as files. Only
 * the rubrics when a scenario is checked as it is typed: checking every scenario takes a while,
 * and what a scenario breaks elsewhere (a track naming it) is checked when it is published.
 */
async function publishedLibrary(db: Kysely<Database>, wholeLibrary: boolean): Promise<ContentFile[]> {
	const kinds = wholeLibrary ? LIBRARY_KINDS : (['rubric'] as const);
	const byKind = await Promise.all(kinds.map((kind) => latestVersions(db, kind, { status: 'published' })));
	return byKind.flat().map((v) => ({ path: studioPath(v.kind, v.id), text: v.source }));
}

const loaded = (library: Library, kind: AuthoredKind): Authored[] => library[kindFolder(kind)];

/**
 * Checks one file's text the way `content:check` does, against today's published library with
 * this text in place of its published version. Problems the change causes elsewhere (a scenario
 * scoring a criterion the rubric no longer has, a track naming a scenario that is gone) count
 * too, pinned to the `id:` line and naming the file and spot they are in. `source` undefined
 * asks what breaks when the id leaves the library (archiving).
 */
export async function validateContentSource(
	db: Kysely<Database>,
	kind: AuthoredKind,
	id: string,
	source: string | undefined,
	wholeLibrary = kind !== 'scenario'
): Promise<ContentCheck> {
	const path = studioPath(kind, id);
	const published = await publishedLibrary(db, wholeLibrary);
	const others = published.filter((f) => f.path !== path);
	const candidate = checkLibrary(source === undefined ? others : [...others, { path, text: source }]);
	const problems = candidate.problems.filter((p) => p.path === path);
	problems.push(...knockOn(candidate.problems, published, path, source));
	const written = source === undefined ? undefined : idLine(source);
	if (written && written.id !== id) {
		problems.unshift({ path, line: written.line, column: 1, message: `id is "${written.id}" but this is ${kind} "${id}"`, severity: 'error' });
	}
	const definition = loaded(candidate, kind).find((d) => d.id === id);
	return problems.length === 0 && (definition || source === undefined) ? { definition, problems } : { problems };
}

/** Problems in other files that today's library does not already have. */
function knockOn(found: Problem[], published: ContentFile[], path: string, source: string | undefined): Problem[] {
	const elsewhere = found.filter((p) => p.path !== path);
	if (elsewhere.length === 0) return [];
	const before = new Set(checkLibrary(published).problems.map(formatProblem));
	const at = (source !== undefined && idLine(source)?.line) || 1;
	return elsewhere.filter((p) => !before.has(formatProblem(p))).map((p) => ({ ...p, path, line: at, column: 1, message: `breaks ${formatProblem(p)}` }));
}

/** The top-level `id:` line, found even when the rest of the file does not parse. */
function idLine(source: string): { id: string; line: number } | undefined {
	const lines = source.split(/\r?\n/);
	const index = lines.findIndex((l) => /^id:\s*\S/.test(l));
	if (index === -1) return undefined;
	const id = lines[index].replace(/^id:\s*/, '').replace(/\s+#.*$/, '').replace(/^["']|["']$/g, '').trim();
	return { id, line: index + 1 };
}
