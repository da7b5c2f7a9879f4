import type { Kysely } from 'kysely';
import type { Problem } from '../../content/problem';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import type { AuthoredKind } from '../../studio/content-kinds';
import { itemSpans, nodeAtLine, SECTION_OF, type NodeSpan } from '../../studio/node-lines';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { latestContent } from './content-authoring';
import { studioMap } from './studio-map';
import { validateContentSource } from './validate-content';

export type PinnedProblem = { line: number; column: number; message: string; node?: string };

export const pinProblems = (problems: Problem[], spans: NodeSpan[]): PinnedProblem[] =>
	problems.map(({ line, column, message }) => ({ line, column, message, node: nodeAtLine(spans, line) }));

/** Checks text as typed in the editor and pins each problem to its line and node (or criterion, or requirement). */
export async function checkDraftText(db: Kysely<Database>, kind: AuthoredKind, id: string, source: string) {
	const spans = itemSpans(source, SECTION_OF[kind]);
	const { problems } = await validateContentSource(db, kind, id, source);
	return { problems: pinProblems(problems, spans), nodes: spans };
}

/** The criteria a scenario's evidence can score: its rubric's evidence criteria as published today. */
async function criteriaFor(db: Kysely<Database>, scenario: Scenario) {
	const [rubric] = await latestVersions<Rubric>(db, 'rubric', { status: 'published', id: scenario.rubric });
	return rubric?.definition.criteria.filter((c) => c.measure === 'evidence').map(({ id, label }) => ({ id, label })) ?? [];
}

export async function loadEditor(db: Kysely<Database>, kind: AuthoredKind, id: string) {
	const latest = await latestContent(db, kind, id);
	if (!latest) return undefined;
	const checked = await checkDraftText(db, kind, id, latest.source);
	return {
		kind,
		id,
		title: latest.title,
		version: latest.version,
		status: latest.status,
		revision: latest.contentHash,
		source: latest.source,
		// Only scenarios are graphs worth drawing.
		map: kind === 'scenario' ? studioMap(latest.definition as Scenario) : undefined,
		criteria: kind === 'scenario' ? await criteriaFor(db, latest.definition as Scenario) : [],
		...checked
	};
}
