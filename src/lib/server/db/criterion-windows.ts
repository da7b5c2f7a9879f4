import { sql, type Kysely } from 'kysely';
import { WINDOW } from '../../coaching/competency-heatmap';
import type { CriterionScoreEntry } from '../../coaching/criterion-scores';
import type { ScoreResult } from '../../scoring/score-types';
import { newestFirst, windowAttemptOf, withAttempt, type WindowAttempt } from '../../coaching/criterion-window';
import { nowIso } from '../clock';
import { criteriaOfAttempts, writeAttemptCriteria, writeFinishedAttemptCriteria } from './attempt-criteria';
import { preparedQuery } from './prepared-query';
import type { Database } from './schema';
import { membersOf, type TeamScope } from './teams';

/** Users per `in (...)` read and per back-fill page. */
const CHUNK = 500;
const MARKER = 'criterion-windows';
const SCORED = ['passed', 'failed'] as const;

const chunksOf = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The windows as the attempts and criterion rows say they are: each user's newest WINDOW scored
 * attempts that are not play-tests. The slow path, for a user whose window is not kept yet.
 */
export async function windowsFromSource(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, WindowAttempt[]>> {
	const windows = new Map<string, WindowAttempt[]>();
	for (const users of chunksOf(userIds)) {
		const ranked = db
			.selectFrom('attempt')
			.select(['id', 'user_id', 'started_at', sql<number>`row_number() over (partition by user_id order by started_at desc, id desc)`.as('rank')])
			.where('user_id', 'in', users)
			.where('is_playtest', '=', 0)
			.where('status', 'in', SCORED);
		const newest = await db.selectFrom(ranked.as('r')).select(['id', 'user_id', 'started_at']).where('rank', '<=', WINDOW).execute();
		const criteria = await criteriaOfAttempts(db, newest.map((a) => a.id));
		for (const a of newest) {
			const attempt = windowAttemptOf(a.id, a.started_at, criteria.get(a.id) ?? []);
			const list = windows.get(a.user_id);
			if (list) list.push(attempt);
			else windows.set(a.user_id, [attempt]);
		}
	}
	for (const list of windows.values()) list.sort(newestFirst);
	return windows;
}

/** The kept windows of a team scope's people, in the same round trip as the rest of a team report; no fallback. */
export async function keptCriterionWindows(db: Kysely<Database>, scope: TeamScope): Promise<Map<string, WindowAttempt[]>> {
	const rows = await db.selectFrom('criterion_window').select(['user_id', 'attempts']).where('user_id', 'in', membersOf(db, scope)).execute();
	const windows = new Map<string, WindowAttempt[]>();
	for (const r of rows) if (r.attempts !== null) windows.set(r.user_id, JSON.parse(r.attempts) as WindowAttempt[]);
	return windows;
}

const lockWindowRow = preparedQuery((db, userId: string, at: string) =>
	db
		.insertInto('criterion_window')
		.values({ user_id: userId, attempts: null, updated_at: at })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ updated_at: at }))
		.returning('attempts')
);

/**
 * Takes the user's window row for this transaction (making an empty one if there is none) and
 * returns what it holds. Every writer locks first, so a finishing step and an override of the
 * same learner take turns and neither overwrites the other with what it read before.
 */
async function lockWindow(trx: Kysely<Database>, userId: string, at: string): Promise<WindowAttempt[] | null> {
	const [row] = await lockWindowRow(trx, userId, at);
	return row.attempts === null ? null : (JSON.parse(row.attempts) as WindowAttempt[]);
}

const saveWindowRow = preparedQuery((db, userId: string, attempts: string, at: string) =>
	db.updateTable('criterion_window').set({ attempts, updated_at: at }).where('user_id', '=', userId)
);
const saveWindow = (trx: Kysely<Database>, userId: string, attempts: WindowAttempt[], at: string) => saveWindowRow(trx, userId, JSON.stringify(attempts), at);

/** Rebuilds the user's window from the attempts: after an override changed an attempt's criterion rows. */
export async function refreshCriterionWindow(trx: Kysely<Database>, userId: string): Promise<void> {
	const at = nowIso();
	await lockWindow(trx, userId, at);
	await saveWindow(trx, userId, (await windowsFromSource(trx, [userId])).get(userId) ?? [], at);
}

/**
 * Adds an attempt finishing in this transaction, whose status and criterion rows are already
 * written. A window not kept yet is built from the attempts, this one included.
 */
export async function addFinishedToWindow(
	trx: Kysely<Database>,
	attempt: { id: string; userId: string; startedAt: string; status: string; isPlaytest: boolean; finishedAt: string },
	entries: readonly CriterionScoreEntry[]
): Promise<void> {
	if (attempt.isPlaytest || !(SCORED as readonly string[]).includes(attempt.status)) return;
	const held = await lockWindow(trx, attempt.userId, attempt.finishedAt);
	const next = held ? withAttempt(held, windowAttemptOf(attempt.id, attempt.startedAt, entries)) : ((await windowsFromSource(trx, [attempt.userId])).get(attempt.userId) ?? []);
	await saveWindow(trx, attempt.userId, next, attempt.finishedAt);
}

/*
 * The two writers of criterion scores. Each keeps the rows and the owner's window together, so no
 * caller can change one and forget the other.
 */

/** An attempt finishing in this transaction: its criterion rows, then its place in its owner's window. */
export async function recordFinishedCriteria(
	trx: Kysely<Database>,
	attempt: Parameters<typeof addFinishedToWindow>[1] & { scenarioId: string },
	score: ScoreResult
): Promise<void> {
	await addFinishedToWindow(trx, attempt, await writeFinishedAttemptCriteria(trx, attempt, score));
}

/** An override changed the attempt's stored score: its criterion rows again, then its owner's window from them. */
export async function rewriteOverriddenCriteria(trx: Kysely<Database>, attempt: { id: string; userId: string }): Promise<void> {
	await writeAttemptCriteria(trx, attempt.id);
	await refreshCriterionWindow(trx, attempt.userId);
}

const readMarker = (db: Kysely<Database>) =>
	db.selectFrom('analytics_backfill').select(['after_id', 'done']).where('id', '=', MARKER).executeTakeFirst();

/**
 * Start-up: builds the window of every user with scored attempts from before windows were kept,
 * a page of users at a time, once. A page done twice (two instances starting together) is
 * harmless: a row already there, written by a finishing step meanwhile or by the other instance,
 * is kept, and a step that found no row built its own from the attempts. Like the analytics
 * back-fill, it assumes no older instance is still finishing attempts. Returns the windows written.
 */
export async function backfillCriterionWindows(db: Kysely<Database>, pageSize = CHUNK): Promise<number> {
	if (!(await readMarker(db))) {
		// Windows already there were written with their attempts (the bench's generator does so in bulk).
		const kept = await db.selectFrom('criterion_window').select('user_id').limit(1).executeTakeFirst();
		const scored = await db.selectFrom('attempt').select('id').where('status', 'in', SCORED).limit(1).executeTakeFirst();
		await db
			.insertInto('analytics_backfill')
			.values({ id: MARKER, after_id: '', done: kept || !scored ? 1 : 0, updated_at: nowIso() })
			.onConflict((oc) => oc.column('id').doNothing())
			.execute();
	}
	let written = 0;
	for (let marker = await readMarker(db); marker && Number(marker.done) === 0; marker = await readMarker(db)) {
		const after = marker.after_id;
		const users = (await db.selectFrom('user').select('id').where('id', '>', after).orderBy('id').limit(pageSize).execute()).map((u) => u.id);
		const at = nowIso();
		const windows = [...(await windowsFromSource(db, users))].map(([userId, attempts]) => ({ user_id: userId, attempts: JSON.stringify(attempts), updated_at: at }));
		await db.transaction().execute(async (trx) => {
			if (windows.length) await trx.insertInto('criterion_window').values(windows).onConflict((oc) => oc.column('user_id').doNothing()).execute();
			// Moves on only from where this page began: an instance that got further first is not sent back.
			const moved = users.length ? { after_id: users[users.length - 1] } : { done: 1 };
			await trx.updateTable('analytics_backfill').set({ ...moved, updated_at: at }).where('id', '=', MARKER).where('after_id', '=', after).execute();
		});
		written += windows.length;
	}
	return written;
}
