// `npm run test:crash [--kills N] [--learners N] [--postgres]`: simulated learners post steps while
// the server is killed with SIGKILL at random moments and restarted on the same database. After
// every kill: SQLite's integrity check is ok, every acknowledged step is stored exactly once, and
// no attempt is half-written. tests/integration/crash.test.ts runs a short version in `npm test`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../src/lib/server/db/open-database';
import { createUsers } from '../src/lib/server/db/users';
import { createAccessToken } from '../src/lib/server/db/tokens';
import { createTestDatabase, type Dialect, type TestDatabase } from '../tests/integration/support/test-database';
import { startTestServer, type TestServer } from '../tests/integration/support/test-server';

export interface CrashTestOptions {
	dialect: Dialect;
	kills: number;
	learners: number;
	/** Load between kills, in milliseconds, picked uniformly from this range. */
	upMs?: [number, number];
	log?: (line: string) => void;
}

export interface CrashTestReport {
	dialect: Dialect;
	kills: number;
	learners: number;
	attemptsStarted: number;
	stepsAcknowledged: number;
	stepsLost: number;
	duplicates: number;
	halfWritten: number;
	integrityFailures: number;
	serverErrors: number;
	seconds: number;
	problems: string[];
}

interface Acknowledged {
	attemptId: string;
	/** The `seq` that was posted; the stored event is number seq + 1. */
	seq: number;
	optionId: string;
}

interface AttemptRow {
	id: string;
	status: string;
	seq: number;
	score: string | null;
	finished_at: string | null;
}
interface EventRow {
	attempt_id: string;
	seq: number;
	option_id: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);

/** Reads the learners' attempts and events straight from the database, with the server down. */
async function readStore(database: TestDatabase, userIds: string[]) {
	const ids = userIds;
	if (database.config.dialect === 'sqlite') {
		const file = new SQLite(database.config.file, { readonly: true, fileMustExist: true });
		try {
			const integrity = file.pragma('integrity_check', { simple: true }) as string;
			const marks = ids.map(() => '?').join(',');
			const attempts = file.prepare(`select id, status, seq, score, finished_at from attempt where user_id in (${marks})`).all(...ids) as AttemptRow[];
			const events = file
				.prepare(`select e.attempt_id, e.seq, e.option_id from attempt_event e join attempt a on a.id = e.attempt_id where a.user_id in (${marks})`)
				.all(...ids) as EventRow[];
			return { integrity, attempts, events };
		} finally {
			file.close();
		}
	}
	const client = new pg.Client({ connectionString: database.config.url });
	await client.connect();
	try {
		const attempts = (await client.query('select id, status, seq, score, finished_at from attempt where user_id = any($1)', [ids])).rows as AttemptRow[];
		const events = (
			await client.query('select e.attempt_id, e.seq, e.option_id from attempt_event e join attempt a on a.id = e.attempt_id where a.user_id = any($1)', [ids])
		).rows as EventRow[];
		return { integrity: 'ok', attempts, events };
	} finally {
		await client.end();
	}
}

/** Every check the issue names, over what the database holds against what the learners were told. */
export function auditStore(store: Awaited<ReturnType<typeof readStore>>, acknowledged: Acknowledged[], startedIds: string[]) {
	const problems: string[] = [];
	if (store.integrity !== 'ok') problems.push(`integrity_check: ${store.integrity}`);
	const eventsOf = new Map<string, EventRow[]>();
	for (const e of store.events) eventsOf.set(e.attempt_id, [...(eventsOf.get(e.attempt_id) ?? []), e]);
	const attempts = new Map(store.attempts.map((a) => [a.id, a]));

	let lost = 0;
	let duplicates = 0;
	let halfWritten = 0;
	for (const id of startedIds) if (!attempts.has(id)) problems.push(`acknowledged attempt ${id} is missing`);
	for (const ack of acknowledged) {
		const matching = (eventsOf.get(ack.attemptId) ?? []).filter((e) => Number(e.seq) === ack.seq + 1);
		if (matching.length === 0 || matching[0].option_id !== ack.optionId) {
			lost += 1;
			problems.push(`acknowledged step ${ack.attemptId}#${ack.seq} (${ack.optionId}) is ${matching.length ? `stored as ${matching[0].option_id}` : 'missing'}`);
		}
		if (matching.length > 1) duplicates += matching.length - 1;
	}
	for (const [id, events] of eventsOf) {
		const seqs = events.map((e) => Number(e.seq)).sort((a, b) => a - b);
		const distinct = new Set(seqs).size;
		if (distinct !== seqs.length) duplicates += seqs.length - distinct;
		// Events are numbered 1..seq with no gap; the attempt row moves in the same transaction.
		const attempt = attempts.get(id);
		if (!attempt || Number(attempt.seq) !== seqs.length || seqs.some((s, i) => s !== i + 1)) {
			halfWritten += 1;
			problems.push(`attempt ${id}: row seq ${attempt?.seq} against events ${seqs.join(',')}`);
		}
	}
	for (const a of store.attempts) {
		if (!eventsOf.has(a.id) && Number(a.seq) !== 0) {
			halfWritten += 1;
			problems.push(`attempt ${a.id}: seq ${a.seq} without events`);
		}
		const finished = a.status === 'passed' || a.status === 'failed';
		if (finished && (a.score === null || a.finished_at === null)) {
			halfWritten += 1;
			problems.push(`attempt ${a.id} is ${a.status} without a score`);
		}
		if (a.status === 'in_progress' && (a.score !== null || a.finished_at !== null)) {
			halfWritten += 1;
			problems.push(`attempt ${a.id} is in progress with a score`);
		}
	}
	return { lost, duplicates, halfWritten, integrityOk: store.integrity === 'ok', problems };
}

export async function createLearners(database: TestDatabase, count: number) {
	const app = await openDatabase(database.config);
	try {
		const stamp = Date.now().toString(36);
		const users = await createUsers(
			app.db,
			Array.from({ length: count }, (_, i) => ({ email: `crash.${stamp}.${i}@crash.test`, name: `Crash Learner ${i}`, role: 'learner' as const }))
		);
		const learners = [];
		for (const u of users) learners.push({ userId: u.id, token: (await createAccessToken(app.db, u.id, 'crash test')).secret });
		return learners;
	} finally {
		await app.close();
	}
}

export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestReport> {
	const log = options.log ?? (() => {});
	const began = Date.now();
	const database = await createTestDatabase(options.dialect);
	// No demo organisation: the learners are made below, and a start-up without seeding restarts faster.
	const server: TestServer = await startTestServer(options.dialect, { database, env: { LOG_LEVEL: 'silent', SEED_DEMO: 'false' } });
	const acknowledged: Acknowledged[] = [];
	const startedIds: string[] = [];
	const statuses = new Map<number, number>();
	const report: CrashTestReport = {
		dialect: options.dialect,
		kills: 0,
		learners: options.learners,
		attemptsStarted: 0,
		stepsAcknowledged: 0,
		stepsLost: 0,
		duplicates: 0,
		halfWritten: 0,
		integrityFailures: 0,
		serverErrors: 0,
		seconds: 0,
		problems: []
	};
	try {
		const learners = await createLearners(database, options.learners);
		let done = false;
		const call = async (token: string, path: string, body?: unknown) => {
			const response = await fetch(server.url + path, {
				method: body === undefined ? 'GET' : 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(15_000)
			});
			const text = await response.text();
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			if (response.status >= 500) report.problems.push(`${path} answered ${response.status}: ${text.slice(0, 200)}`);
			return { status: response.status, body: text ? JSON.parse(text) : undefined };
		};
		/** Retries a call until the server answers: a refused or reset connection means it is down. */
		const persist = async <T>(fn: () => Promise<T>): Promise<T> => {
			for (;;) {
				try {
					return await fn();
				} catch {
					if (done) throw new Error('stopped');
					await sleep(50 + Math.random() * 100);
				}
			}
		};
		const scenarios = (await call(learners[0].token, '/api/v1/scenarios')).body as { id: string }[];
		if (!scenarios?.length) throw new Error('no published scenarios to play');

		const play = async (learner: { token: string }) => {
			while (!done) {
				const scenarioId = scenarios[Math.floor(Math.random() * scenarios.length)].id;
				const started = await persist(() => call(learner.token, '/api/v1/attempts', { scenarioId }));
				if (started.status !== 201) continue;
				startedIds.push(started.body.id);
				let { seq, turn } = started.body as { seq: number; turn: { options: { id: string }[] } | null };
				while (turn && !done) {
					const optionId = turn.options[Math.floor(Math.random() * turn.options.length)].id;
					const postedSeq = seq;
					// The same seq and option again is safe: the server answers a replay with the first answer.
					const answer = await persist(() => call(learner.token, `/api/v1/attempts/${started.body.id}/steps`, { seq: postedSeq, optionId }));
					if (answer.status !== 200) {
						report.problems.push(`step ${started.body.id}#${postedSeq} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
						break;
					}
					acknowledged.push({ attemptId: started.body.id, seq: postedSeq, optionId });
					({ seq, turn } = answer.body);
				}
			}
		};
		const players = learners.map((l) => play(l).catch((e) => (e as Error).message === 'stopped' || report.problems.push(`learner failed: ${(e as Error).message}`)));

		for (let k = 0; k < options.kills; k++) {
			// Kill only once learners are being answered again, so every kill lands among live writes.
			const before = acknowledged.length;
			for (let waited = 0; acknowledged.length === before && waited < 30_000; waited += 20) await sleep(20);
			await sleep(between(options.upMs ?? [300, 1500]));
			await server.kill();
			report.kills += 1;
			const audit = auditStore(await readStore(database, learners.map((l) => l.userId)), acknowledged, startedIds);
			if (!audit.integrityOk) report.integrityFailures += 1;
			report.problems.push(...audit.problems.map((p) => `after kill ${k + 1}: ${p}`));
			log(`kill ${k + 1}/${options.kills}: ${acknowledged.length} steps acknowledged so far, integrity ${audit.integrityOk ? 'ok' : 'FAILED'}, lost ${audit.lost}, duplicated ${audit.duplicates}, half-written ${audit.halfWritten}`);
			await server.restart();
		}
		await sleep(300);
		done = true;
		await Promise.all(players);
		await server.kill();
		const final = auditStore(await readStore(database, learners.map((l) => l.userId)), acknowledged, startedIds);
		report.problems.push(...final.problems.map((p) => `at the end: ${p}`));
		report.stepsLost = final.lost;
		report.duplicates = final.duplicates;
		report.halfWritten = final.halfWritten;
		if (!final.integrityOk) report.integrityFailures += 1;
		report.attemptsStarted = startedIds.length;
		report.stepsAcknowledged = acknowledged.length;
		report.serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
	} finally {
		await server.stop().catch(() => {});
		await database.drop();
		report.seconds = Math.round((Date.now() - began) / 100) / 10;
	}
	return report;
}

const flag = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	// The crash test serves the production build: make it when it is missing or stale, as `npm start` does.
	// (A computed specifier keeps the type checker out of the untyped build script.)
	const stampModule = new URL('./build-stamp.js', import.meta.url).href;
	const { isBuildCurrent, sourceHash, STAMP_FILE } = (await import(stampModule)) as {
		isBuildCurrent: () => boolean;
		sourceHash: () => string;
		STAMP_FILE: string;
	};
	if (!isBuildCurrent()) {
		console.log('building the app first…');
		if (spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status !== 0) process.exit(1);
		writeFileSync(STAMP_FILE, sourceHash() + '\n');
	}
	const dialect: Dialect = process.argv.includes('--postgres') ? 'postgres' : 'sqlite';
	if (dialect === 'postgres') process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
	const report = await runCrashTest({ dialect, kills: flag('kills', 20), learners: flag('learners', 50), log: console.log });
	const { problems, ...figures } = report;
	console.table(figures);
	for (const p of problems.slice(0, 20)) console.error(`✗ ${p}`);
	const failed = problems.length > 0 || report.stepsLost > 0 || report.duplicates > 0 || report.halfWritten > 0 || report.integrityFailures > 0;
	console.log(failed ? `crash test FAILED (${problems.length} problems)` : 'crash test passed');
	process.exit(failed ? 1 : 0);
}
