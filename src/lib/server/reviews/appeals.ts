import type { Kysely } from 'kysely';
import { z } from 'zod';
import { canDecideAppealOf, type Actor } from '../access';
import { appealsOfAttempt, closeAppeal, findAppeal, insertOpenAppeal, listOpenAppeals, type Appeal, type OpenAppealLine } from '../db/appeals';
import { findAttempt } from '../db/attempts';
import { recordAudit } from '../db/audit-log';
import { notify } from '../db/notifications';
import type { Database } from '../db/schema';
import { teamIdsOf } from '../db/teams';
import { failure, ok, type Result } from '../http-errors';
import { nowIso } from '../clock';

export const REASON_MAX = 2000;
export const ReasonText = z.string().trim().min(1, 'Give a reason').max(REASON_MAX, `At most ${REASON_MAX} characters`);
export const AppealForm = z.object({ reason: ReasonText });

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last moment an attempt finished at `finishedAt` may be appealed. */
export const appealDeadline = (finishedAt: string, windowDays: number): string => new Date(Date.parse(finishedAt) + windowDays * DAY_MS).toISOString();

/**
 * The learner asks for a finished attempt's score to be looked at again: their own, real (not a
 * play-test), within the window, and only one open appeal at a time.
 */
export async function fileAppeal(db: Kysely<Database>, actor: Actor, attemptId: string, reason: string, windowDays: number): Promise<Result<Appeal>> {
	const attempt = await findAttempt(db, attemptId);
	if (!attempt || attempt.userId !== actor.id) return failure('not-found', 'No such attempt of yours');
	if (attempt.isPlaytest) return failure('invalid', 'Play-tests have no score to appeal');
	if ((attempt.status !== 'passed' && attempt.status !== 'failed') || !attempt.finishedAt) return failure('invalid', 'Only a finished, scored attempt can be appealed');
	if (nowIso() > appealDeadline(attempt.finishedAt, windowDays)) return failure('invalid', `Appeals are possible within ${windowDays} days of finishing`);
	const appeal = await insertOpenAppeal(db, { attemptId, userId: actor.id, reason });
	if (!appeal) return failure('conflict', 'This attempt already has an open appeal');
	await recordAudit(db, { actorId: actor.id, action: 'appeal.filed', subjectType: 'attempt', subjectId: attemptId, details: { appealId: appeal.id, reason } });
	return ok(appeal);
}

export interface AppealStanding {
	/** The latest appeal, open or decided. */
	latest: Appeal | null;
	/** Until when a new appeal may be filed, or null when it cannot be (open appeal, play-test, window passed). */
	openUntil: string | null;
}

/** For the learner's debrief: how their appeals of this attempt stand, and whether they may appeal now. */
export async function appealStanding(db: Kysely<Database>, attempt: { id: string; status: string; isPlaytest: boolean; finishedAt: string | null }, windowDays: number): Promise<AppealStanding> {
	const [latest = null] = await appealsOfAttempt(db, attempt.id);
	const scored = (attempt.status === 'passed' || attempt.status === 'failed') && !attempt.isPlaytest && attempt.finishedAt;
	const deadline = scored ? appealDeadline(attempt.finishedAt!, windowDays) : null;
	const open = deadline && nowIso() <= deadline && latest?.status !== 'open' ? deadline : null;
	return { latest, openUntil: open };
}

/** The queue a decider sees: open appeals of the people whose appeals they may decide. */
export async function appealQueue(db: Kysely<Database>, actor: Actor): Promise<OpenAppealLine[]> {
	const open = await listOpenAppeals(db);
	return open.filter((a) => canDecideAppealOf(actor, { id: a.userId, teamIds: a.learnerTeamIds }));
}

/** An appeal the actor may decide; anyone else's is "not found". */
export async function decidableAppeal(db: Kysely<Database>, actor: Actor, appealId: string): Promise<Result<Appeal>> {
	const appeal = await findAppeal(db, appealId);
	if (!appeal || !canDecideAppealOf(actor, { id: appeal.userId, teamIds: await teamIdsOf(db, appeal.userId) })) {
		return failure('not-found', 'No such appeal for you to decide');
	}
	return ok(appeal);
}

/** Keeps the score as it is, with a written reason, and tells the learner. */
export async function upholdAppeal(db: Kysely<Database>, actor: Actor, appealId: string, reason: string): Promise<Result<Appeal>> {
	const found = await decidableAppeal(db, actor, appealId);
	if (!found.ok) return found;
	const appeal = found.value;
	if (appeal.status !== 'open') return failure('conflict', 'This appeal has already been decided');
	const closed = await db.transaction().execute(async (trx) => {
		if (!(await closeAppeal(trx, appealId, { status: 'upheld', decidedBy: actor.id, reason }))) return false;
		await recordAudit(trx, { actorId: actor.id, action: 'appeal.upheld', subjectType: 'attempt', subjectId: appeal.attemptId, details: { appealId, reason } });
		await notify(trx, { userId: appeal.userId, kind: 'appeal-decided', attemptId: appeal.attemptId, message: `${actor.name} kept the score of your appeal: ${reason}` });
		return true;
	});
	return closed ? ok({ ...appeal, status: 'upheld' }) : failure('conflict', 'This appeal has already been decided');
}
