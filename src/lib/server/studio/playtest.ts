import type { Kysely } from 'kysely';
import type { Rubric } from '../../content/rubric-schema';
import type { DialogueInput } from '../../dialogue/dialogue-types';
import type { Actor } from '../access';
import { insertAttempt } from '../db/attempts';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { latestContent } from './content-authoring';

/**
 * Starts a play-test of the latest version, draft or not, from any node with a preset mood,
 * patience and flags. Marked as a play-test, so it never counts in learner stats.
 */
export async function startPlaytest(db: Kysely<Database>, actor: Actor, scenarioId: string, input: DialogueInput): Promise<Result<{ attemptId: string }>> {
	const scenario = await latestContent(db, 'scenario', scenarioId);
	if (!scenario) return failure('not-found', `No scenario "${scenarioId}"`);
	const definition = scenario.definition as { rubric: string; nodes: Record<string, unknown> };
	if (input.startNode && !(input.startNode in definition.nodes)) return failure('invalid', `No node "${input.startNode}" in this scenario`);
	const [rubric] = await latestVersions<Rubric>(db, 'rubric', { status: 'published', id: definition.rubric });
	if (!rubric) return failure('not-found', `The rubric "${definition.rubric}" is not published`);
	const attempt = await insertAttempt(db, {
		userId: actor.id,
		scenarioId,
		scenarioVersion: scenario.version,
		rubricId: rubric.id,
		rubricVersion: rubric.version,
		input,
		isPlaytest: true
	});
	return ok({ attemptId: attempt.id });
}
