import type { Kysely } from 'kysely';
import type { Rubric } from '../../content/rubric-schema';
import type { Scenario } from '../../content/scenario-schema';
import { walkThrough, type Walkthrough } from '../../dialogue/build-transcript';
import type { DialogueInput } from '../../dialogue/dialogue-types';
import { chooseOption } from '../../dialogue/replay';
import { scoreAttempt } from '../../scoring/score-attempt';
import type { ScoreResult } from '../../scoring/score-types';
import type { Actor } from '../access';
import { appendEvent, attemptEvents, findAttempt, insertAttempt, type Attempt, type AttemptEvent } from '../db/attempts';
import { latestVersions } from '../db/content-versions';
import type { AttemptStatus, Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { progressionAfterAttempt } from '../progression/attempt-effect';
import { recordAttemptReward } from '../progression/record-attempt-reward';
import { writeAttemptCriteria } from '../db/attempt-criteria';
import { recordAttemptAnalytics } from '../studio/analytics-record';
import { loadRuntime, type ScenarioRuntime } from './scenario-runtime';

export interface PlayState {
	attempt: Attempt;
	runtime: ScenarioRuntime;
	walk: Walkthrough;
	/** Set once the attempt has ended (passed or failed); rebuilt from the events every time. */
	score: ScoreResult | null;
}

const dialogueEvents = (events: AttemptEvent[]) =>
	events.filter((e) => e.type === 'choose' && e.optionId).map((e) => chooseOption(e.optionId!));

export function stateOf(attempt: Attempt, runtime: ScenarioRuntime, events: AttemptEvent[]): PlayState {
	const walk = walkThrough(runtime.scenario, runtime.machine, attempt.input as DialogueInput, dialogueEvents(events));
	const ended = attempt.status === 'passed' || attempt.status === 'failed';
	return { attempt, runtime, walk, score: ended ? scoreAttempt(runtime.scenario, runtime.rubric, walk.snapshot.context) : null };
}

/** Someone else's attempt is "not found": its existence is not theirs to learn. */
async function ownAttempt(db: Kysely<Database>, actor: Actor, attemptId: string) {
	const attempt = await findAttempt(db, attemptId);
	if (!attempt || attempt.userId !== actor.id) return undefined;
	const runtime = await loadRuntime(db, attempt);
	if (!runtime) throw new Error(`attempt ${attempt.id} points at missing content ${attempt.scenarioId}@${attempt.scenarioVersion}`);
	return { attempt, runtime, events: await attemptEvents(db, attempt.id) };
}

export async function loadPlayState(db: Kysely<Database>, actor: Actor, attemptId: string): Promise<Result<PlayState>> {
	const found = await ownAttempt(db, actor, attemptId);
	if (!found) return failure('not-found', 'No such attempt of yours');
	return ok(stateOf(found.attempt, found.runtime, found.events));
}

export async function startAttempt(
	db: Kysely<Database>,
	actor: Actor,
	scenarioId: string,
	options: { input?: DialogueInput; isPlaytest?: boolean } = {}
): Promise<Result<PlayState>> {
	const [scenario] = await latestVersions<Scenario>(db, 'scenario', { status: 'published', id: scenarioId });
	if (!scenario) return failure('not-found', `No published scenario "${scenarioId}"`);
	const [rubric] = await latestVersions<Rubric>(db, 'rubric', { status: 'published', id: scenario.definition.rubric });
	if (!rubric) return failure('not-found', `The rubric of "${scenarioId}" is not published`);
	const attempt = await insertAttempt(db, {
		userId: actor.id,
		scenarioId,
		scenarioVersion: scenario.version,
		rubricId: rubric.id,
		rubricVersion: rubric.version,
		input: options.input,
		isPlaytest: options.isPlaytest
	});
	const runtime = await loadRuntime(db, attempt);
	return ok(stateOf(attempt, runtime!, []));
}

export interface StepAnswer {
	seq: number;
	status: AttemptStatus;
	state: PlayState;
}

/**
 * Applies the learner's choice at `seq` (the number of steps they have seen). Sending the same
 * seq and option again returns the same answer and stores nothing; any other stale seq conflicts.
 */
export async function takeStep(
	db: Kysely<Database>,
	actor: Actor,
	attemptId: string,
	seq: number,
	optionId: string
): Promise<Result<StepAnswer>> {
	for (let tries = 0; tries < 2; tries++) {
		const found = await ownAttempt(db, actor, attemptId);
		if (!found) return failure('not-found', 'No such attempt of yours');
		const { attempt, runtime, events } = found;
		if (seq < attempt.seq) return repeatAnswer(attempt, runtime, events, seq, optionId);
		if (seq > attempt.seq) return failure('stale-seq', `This attempt is at step ${attempt.seq}, not ${seq}`);
		if (attempt.status !== 'in_progress') return failure('finished', 'This attempt has already ended');

		const current = stateOf(attempt, runtime, events);
		if (!current.walk.turn.options.some((o) => o.id === optionId)) {
			return failure('option-not-offered', `"${optionId}" is not one of the options offered now`);
		}
		const next = stateOf(attempt, runtime, [...events, { seq: seq + 1, type: 'choose', optionId, at: '' }]);
		const score = next.walk.turn.ended ? scoreAttempt(runtime.scenario, runtime.rubric, next.walk.snapshot.context) : null;
		const status: AttemptStatus = score ? (score.passed ? 'passed' : 'failed') : 'in_progress';
		const finished = status !== 'in_progress';
		const stored = await appendEvent(
			db,
			attempt.id,
			seq,
			{ type: 'choose', optionId, status, score: score ? { total: score.total, json: JSON.stringify(score) } : undefined },
			// XP, the streak, the scenario analytics and the criterion roll-up move in the same transaction as the final event.
			finished
				? async (trx) => {
						await recordAttemptReward(trx, attempt.id);
						await recordAttemptAnalytics(trx, attempt.id, { walk: next.walk, score });
						await writeAttemptCriteria(trx, attempt.id);
					}
				: undefined
		);
		// Lost a race with an identical request (a double click): answer as the winner did.
		if (!stored) continue;
		if (finished && !attempt.isPlaytest) await progressionAfterAttempt(db, actor.id, attempt.id);
		const saved = { ...attempt, seq: seq + 1, status };
		return ok({ seq: seq + 1, status, state: { ...next, attempt: saved, score } });
	}
	return failure('stale-seq', 'The attempt moved on while this step was being stored');
}

function repeatAnswer(attempt: Attempt, runtime: ScenarioRuntime, events: AttemptEvent[], seq: number, optionId: string): Result<StepAnswer> {
	const stored = events[seq];
	if (stored?.type !== 'choose' || stored.optionId !== optionId) {
		return failure('stale-seq', `Step ${seq} was already answered differently; this attempt is at step ${attempt.seq}`);
	}
	const upTo = events.slice(0, seq + 1);
	const isLast = seq + 1 === attempt.seq;
	const status: AttemptStatus = isLast && attempt.status !== 'abandoned' ? attempt.status : 'in_progress';
	return ok({ seq: seq + 1, status, state: stateOf({ ...attempt, status, seq: seq + 1 }, runtime, upTo) });
}

export async function abandonAttempt(db: Kysely<Database>, actor: Actor, attemptId: string): Promise<Result<PlayState>> {
	const found = await ownAttempt(db, actor, attemptId);
	if (!found) return failure('not-found', 'No such attempt of yours');
	const { attempt, runtime, events } = found;
	if (attempt.status !== 'in_progress') return failure('finished', 'This attempt has already ended');
	const left = stateOf({ ...attempt, status: 'abandoned', seq: attempt.seq + 1 }, runtime, events);
	// The analytics count where the learner left, in the same transaction as the abandon event.
	const stored = await appendEvent(db, attempt.id, attempt.seq, { type: 'abandon', optionId: null, status: 'abandoned' }, (trx) =>
		recordAttemptAnalytics(trx, attempt.id, { walk: left.walk, score: null })
	);
	if (!stored) return failure('stale-seq', 'The attempt moved on; reload and try again');
	return ok(left);
}
