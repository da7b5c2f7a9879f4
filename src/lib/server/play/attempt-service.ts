import type { Kysely } from 'kysely';
import { continueWalk, walkThrough, type Walkthrough } from '../../dialogue/build-transcript';
import type { DialogueInput } from '../../dialogue/dialogue-types';
import { chooseOption } from '../../dialogue/replay';
import { scoreAttempt } from '../../scoring/score-attempt';
import type { ScoreResult } from '../../scoring/score-types';
import type { Actor } from '../access';
import { appendEvent, attemptEvents, findAttempt, insertAttempt, type Attempt, type AttemptEvent } from '../db/attempts';
import type { AttemptStatus, Database } from '../db/schema';
import { failure, ok, type Result } from '../http-errors';
import { progressionAfterAttempt } from '../progression/attempt-effect';
import { rewardFinishedAttempt } from '../progression/record-attempt-reward';
import { recordFinishedCriteria } from '../db/criterion-windows';
import { recordEndedAttemptAnalytics } from '../studio/analytics-record';
import { loadRuntime, publishedRef, type ScenarioRuntime } from './scenario-runtime';
import { cachedWalk, forgetWalk, rememberWalk } from './walk-cache';

export interface PlayState {
	attempt: Attempt;
	runtime: ScenarioRuntime;
	walk: Walkthrough;
	/** Set once the attempt has ended (passed or failed); rebuilt from the events every time. */
	score: ScoreResult | null;
}

const dialogueEvents = (events: AttemptEvent[]) =>
	events.filter((e) => e.type === 'choose' && e.optionId).map((e) => chooseOption(e.optionId!));

const isEnded = (attempt: Attempt) => attempt.status === 'passed' || attempt.status === 'failed';

const withWalk = (attempt: Attempt, runtime: ScenarioRuntime, walk: Walkthrough): PlayState => ({
	attempt,
	runtime,
	walk,
	score: isEnded(attempt) ? scoreAttempt(runtime.scenario, runtime.rubric, walk.snapshot.context) : null
});

export function stateOf(attempt: Attempt, runtime: ScenarioRuntime, events: AttemptEvent[]): PlayState {
	return withWalk(attempt, runtime, walkThrough(runtime.scenario, runtime.machine, attempt.input as DialogueInput, dialogueEvents(events)));
}

/** Someone else's attempt is "not found": its existence is not theirs to learn. */
async function ownAttempt(db: Kysely<Database>, actor: Actor, attemptId: string) {
	const attempt = await findAttempt(db, attemptId);
	if (!attempt || attempt.userId !== actor.id) return undefined;
	const runtime = await loadRuntime(db, attempt);
	if (!runtime) throw new Error(`attempt ${attempt.id} points at missing content ${attempt.scenarioId}@${attempt.scenarioVersion}`);
	return { attempt, runtime };
}

/** The attempt as its stored events make it: continued from the walk cache when it is current, else replayed. */
async function currentState(db: Kysely<Database>, attempt: Attempt, runtime: ScenarioRuntime): Promise<PlayState> {
	const cached = cachedWalk(attempt.id, attempt.seq, runtime);
	if (cached) return withWalk(attempt, runtime, cached);
	const state = stateOf(attempt, runtime, await attemptEvents(db, attempt.id));
	if (attempt.status === 'in_progress') rememberWalk(attempt.id, attempt.seq, runtime, state.walk);
	return state;
}

export async function loadPlayState(db: Kysely<Database>, actor: Actor, attemptId: string): Promise<Result<PlayState>> {
	const found = await ownAttempt(db, actor, attemptId);
	if (!found) return failure('not-found', 'No such attempt of yours');
	return ok(await currentState(db, found.attempt, found.runtime));
}

export async function startAttempt(
	db: Kysely<Database>,
	actor: Actor,
	scenarioId: string,
	options: { input?: DialogueInput; isPlaytest?: boolean } = {}
): Promise<Result<PlayState>> {
	const published = await publishedRef(db, scenarioId);
	if (!published.ok) {
		return failure('not-found', published.missing === 'scenario' ? `No published scenario "${scenarioId}"` : `The rubric of "${scenarioId}" is not published`);
	}
	const attempt = await insertAttempt(db, {
		userId: actor.id,
		...published.ref,
		input: options.input,
		isPlaytest: options.isPlaytest
	});
	const runtime = await loadRuntime(db, attempt);
	const state = stateOf(attempt, runtime!, []);
	rememberWalk(attempt.id, attempt.seq, runtime!, state.walk);
	return ok(state);
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
		const { attempt, runtime } = found;
		if (seq < attempt.seq) return repeatAnswer(attempt, runtime, await attemptEvents(db, attempt.id), seq, optionId);
		if (seq > attempt.seq) return failure('stale-seq', `This attempt is at step ${attempt.seq}, not ${seq}`);
		if (attempt.status !== 'in_progress') return failure('finished', 'This attempt has already ended');

		const current = await currentState(db, attempt, runtime);
		if (!current.walk.turn.options.some((o) => o.id === optionId)) {
			return failure('option-not-offered', `"${optionId}" is not one of the options offered now`);
		}
		const walk = continueWalk(runtime.scenario, runtime.machine, current.walk, chooseOption(optionId));
		const score = walk.turn.ended ? scoreAttempt(runtime.scenario, runtime.rubric, walk.snapshot.context) : null;
		const ending = score && (score.passed ? ('passed' as const) : ('failed' as const));
		const status: AttemptStatus = ending ?? 'in_progress';
		const finished = status !== 'in_progress';
		const stored = await appendEvent(
			db,
			attempt.id,
			seq,
			{ type: 'choose', optionId, status, score: score ? { total: score.total, json: JSON.stringify(score) } : undefined },
			// XP, the streak, the scenario analytics, the criterion roll-up and the heatmap window move in the same transaction as the final event.
			score && ending
				? async (trx, finishedAt) => {
						const ended = { ...attempt, status: ending, scoreTotal: score.total, finishedAt };
						await rewardFinishedAttempt(trx, ended);
						await recordEndedAttemptAnalytics(trx, ended, { walk, score }, actor.teamIds);
						await recordFinishedCriteria(trx, ended, score);
					}
				: undefined
		);
		// Lost a race with an identical request (a double click): answer as the winner did.
		if (!stored) continue;
		const saved = { ...attempt, seq: seq + 1, status };
		if (finished) forgetWalk(attempt.id);
		else rememberWalk(attempt.id, saved.seq, runtime, walk);
		if (finished && !attempt.isPlaytest) await progressionAfterAttempt(db, actor.id, attempt.id);
		return ok({ seq: saved.seq, status, state: { attempt: saved, runtime, walk, score } });
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
	const { attempt, runtime } = found;
	if (attempt.status !== 'in_progress') return failure('finished', 'This attempt has already ended');
	const { walk } = await currentState(db, attempt, runtime);
	const left = withWalk({ ...attempt, status: 'abandoned', seq: attempt.seq + 1 }, runtime, walk);
	// The analytics count where the learner left, in the same transaction as the abandon event.
	const stored = await appendEvent(db, attempt.id, attempt.seq, { type: 'abandon', optionId: null, status: 'abandoned' }, (trx, finishedAt) =>
		recordEndedAttemptAnalytics(trx, { ...attempt, status: 'abandoned', finishedAt }, { walk: left.walk, score: null }, actor.teamIds)
	);
	if (!stored) return failure('stale-seq', 'The attempt moved on; reload and try again');
	forgetWalk(attempt.id);
	return ok(left);
}
