import type { Kysely } from 'kysely';
import { checkLibrary } from '../../content/check-library';
import type { Problem } from '../../content/problem';
import type { Scenario } from '../../content/scenario-schema';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';

export type ScenarioCheck = { scenario?: Scenario; problems: Problem[] };

/** Path the checker sees for a studio file: the plain `scenarios/` folder skips the family-folder rule. */
const pathFor = (id: string) => `scenarios/${id}.yaml`;

/**
 * Checks one scenario's text the way `content:check` would, against the rubrics learners are
 * scored by today (the latest published ones), and insists its `id` is the one being saved.
 */
export async function validateScenarioSource(db: Kysely<Database>, id: string, source: string): Promise<ScenarioCheck> {
	const rubrics = await latestVersions(db, 'rubric', { status: 'published' });
	const path = pathFor(id);
	const library = checkLibrary([...rubrics.map((r) => ({ path: `rubrics/${r.id}.yaml`, text: r.source })), { path, text: source }]);
	const problems = library.problems.filter((p) => p.path === path);
	const scenario = library.scenarios.find((s) => s.id === id);
	const written = library.scenarios[0]?.id ?? idLine(source)?.id;
	if (written !== undefined && written !== id) {
		const at = idLine(source);
		problems.unshift({ path, line: at?.line ?? 1, column: 1, message: `id is "${written}" but this is scenario "${id}"`, severity: 'error' });
	}
	return problems.length === 0 && scenario ? { scenario, problems } : { problems };
}

/** The top-level `id:` line, found even when the rest of the file does not parse. */
function idLine(source: string): { id: string; line: number } | undefined {
	const lines = source.split(/\r?\n/);
	const index = lines.findIndex((l) => /^id:\s*\S/.test(l));
	if (index === -1) return undefined;
	const id = lines[index].replace(/^id:\s*/, '').replace(/\s+#.*$/, '').replace(/^["']|["']$/g, '').trim();
	return { id, line: index + 1 };
}
