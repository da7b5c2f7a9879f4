import type { Kysely } from 'kysely';
import type { Problem } from '../../content/problem';
import { nodeAtLine, nodeSpans, type NodeSpan } from '../../studio/node-lines';
import type { Database } from '../db/schema';
import type { Scenario } from '../../content/scenario-schema';
import { latestScenario } from './scenario-authoring';
import { studioMap } from './studio-map';
import { validateScenarioSource } from './validate-scenario';

export type PinnedProblem = { line: number; column: number; message: string; node?: string };

export const pinProblems = (problems: Problem[], spans: NodeSpan[]): PinnedProblem[] =>
	problems.map(({ line, column, message }) => ({ line, column, message, node: nodeAtLine(spans, line) }));

/** Checks text as typed in the editor and pins each problem to its line and node. */
export async function checkDraftText(db: Kysely<Database>, id: string, source: string) {
	const spans = nodeSpans(source);
	const { problems } = await validateScenarioSource(db, id, source);
	return { problems: pinProblems(problems, spans), nodes: spans };
}

export async function loadEditor(db: Kysely<Database>, id: string) {
	const latest = await latestScenario(db, id);
	if (!latest) return undefined;
	const checked = await checkDraftText(db, id, latest.source);
	return {
		id,
		title: latest.title,
		version: latest.version,
		status: latest.status,
		revision: latest.contentHash,
		source: latest.source,
		map: studioMap(latest.definition as Scenario),
		...checked
	};
}
