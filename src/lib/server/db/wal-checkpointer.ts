import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import { log } from '../log';
import type { Database } from './schema';

/*
 * SQLite copies its write-ahead log back into the database file every 1,000 pages, inside whichever
 * commit crosses the mark, and that copy ends with an fsync. On the server's one thread that froze
 * every request for 5–28 ms, about once per hundred steps. A worker thread with its own connection
 * does the copying instead, between requests' commits: PASSIVE never waits for or blocks the writer.
 */

/** What `PRAGMA wal_checkpoint` answers: frames in the log, and how many of them are in the database file. */
export interface CheckpointPass {
	busy: number;
	log: number;
	checkpointed: number;
}

export interface WalCheckpointer {
	stop: () => Promise<void>;
}

// Plain CommonJS, run with `eval`: a worker file of its own would need a bundler entry of its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { fileMustExist: true });
let timer;
const pass = () => {
	const [result] = db.pragma('wal_checkpoint(PASSIVE)');
	parentPort.postMessage(result);
	timer = setTimeout(pass, workerData.intervalMs);
};
parentPort.on('message', () => {
	clearTimeout(timer);
	db.close();
	parentPort.close();
});
timer = setTimeout(pass, workerData.intervalMs);
`;

const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

export interface CheckpointOptions {
	intervalMs: number;
	/**
	 * The log only starts again from its beginning when the writer finds all of it copied, which a
	 * worker's pass rarely leaves under a steady stream of commits. Past this many frames the server
	 * copies the few left itself right after a pass (its only fsync on this thread), so the log
	 * starts again at the next commit instead of growing for ever.
	 */
	restartAfterFrames: number;
}

const DEFAULTS: CheckpointOptions = { intervalMs: 100, restartAfterFrames: SQLITE_DEFAULT_AUTOCHECKPOINT };

/**
 * Turns off SQLite's own checkpoints on `db` (the server's connection to `file`) and runs them
 * in a worker. If the worker fails, SQLite's own come back on, so the log never grows unchecked.
 */
export async function checkpointInBackground(db: Kysely<Database>, file: string, options: Partial<CheckpointOptions> = {}): Promise<WalCheckpointer> {
	const { intervalMs, restartAfterFrames } = { ...DEFAULTS, ...options };
	await sql`pragma wal_autocheckpoint = 0`.execute(db);
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
	// The worker must not keep a finished process alive; an interrupted checkpoint is safe in SQLite.
	worker.unref();
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	let stopping = false;
	let fellBack = false;
	let restarting = false;
	let announced = false;

	worker.on('message', (pass: CheckpointPass) => {
		if (!announced) log.info('database: checkpoints run in a worker thread', { intervalMs });
		announced = true;
		if (pass.log < restartAfterFrames || restarting) return;
		restarting = true;
		sql`pragma wal_checkpoint(PASSIVE)`
			.execute(db)
			.catch((e) => log.warn('database: checkpoint after a long log failed', { error: (e as Error).message }))
			.finally(() => (restarting = false));
	});
	const fallBack = (why: string) => {
		if (stopping || fellBack) return;
		fellBack = true;
		log.warn('database: the background checkpointer stopped; SQLite checkpoints inline again', { why });
		sql`pragma wal_autocheckpoint = ${sql.lit(SQLITE_DEFAULT_AUTOCHECKPOINT)}`.execute(db).catch(() => {});
	};
	worker.on('error', (e) => fallBack(e.message));
	worker.on('exit', (code) => fallBack(`exit code ${code}`));

	return {
		stop: async () => {
			if (!stopping) {
				stopping = true;
				worker.postMessage('stop');
			}
			await exited;
		}
	};
}
