import type { Kysely } from 'kysely';
import { DAY_MS } from '../../certification/dates';
import type { Database } from '../db/schema';
import { deleteSentBefore } from '../db/xapi-outbox';
import { log } from '../log';

// Small deletes, so a year's backlog never holds SQLite's one writer long enough for a learner to notice.
const BATCH = 1_000;

/**
 * Deletes the statements the LRS accepted more than `keepDays` ago, a batch at a time; returns how
 * many. Rows waiting or refused are never touched. Statement ids are stable, so nothing deleted
 * here could be needed again: a statement rebuilt from its attempt is the same statement.
 */
export async function pruneSentStatements(
	db: Kysely<Database>,
	keepDays: number,
	{ now = Date.now(), stopping = () => false }: { now?: number; stopping?: () => boolean } = {}
): Promise<number> {
	const sentBefore = new Date(now - keepDays * DAY_MS).toISOString();
	let total = 0;
	for (;;) {
		const deleted = await deleteSentBefore(db, sentBefore, BATCH);
		total += deleted;
		// A server shutting down leaves the rest of a long backlog to its next run.
		if (deleted < BATCH || stopping()) return total;
	}
}

export interface PrunerOptions {
	keepDays: number;
	/** A minute after start-up, so a server restarted often still prunes; then hourly. */
	firstAfterMs?: number;
	everyMs?: number;
}

/** Prunes the outbox in the background. Each instance may run one: two deleting the same rows is harmless. */
export function startOutboxPruner(db: Kysely<Database>, o: PrunerOptions): { stop: () => Promise<void> } {
	let stopped = false;
	let running: Promise<void> = Promise.resolve();
	const run = async () => {
		try {
			const deleted = await pruneSentStatements(db, o.keepDays, { stopping: () => stopped });
			if (deleted) log.info('lrs outbox pruned', { deleted, keepDays: o.keepDays });
		} catch (e) {
			log.error('lrs outbox pruning failed', { error: (e as Error).message });
		}
		if (!stopped) timer = setTimeout(() => (running = run()), o.everyMs ?? 3_600_000).unref();
	};
	let timer = setTimeout(() => (running = run()), o.firstAfterMs ?? 60_000).unref();
	return {
		stop: async () => {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
