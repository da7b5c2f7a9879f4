import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createLearners } from '../../scripts/crash-test';
import { createTestDatabase, dialectLabel, dialects, type TestDatabase } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const run = promisify(execFile);

/** Learners posting steps through the API until told to stop; returns how many were acknowledged. */
function keepPlaying(server: TestServer, tokens: string[]) {
	let stop = false;
	let acknowledged = 0;
	const call = async (token: string, path: string, body: unknown) => {
		const response = await fetch(server.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: await response.json() };
	};
	const play = async (token: string, scenarioId: string) => {
		while (!stop) {
			const started = await call(token, '/api/v1/attempts', { scenarioId });
			expect(started.status).toBe(201);
			let { seq, turn } = started.body;
			while (turn && !stop) {
				const step = await call(token, `/api/v1/attempts/${started.body.id}/steps`, { seq, optionId: turn.options[0].id });
				expect(step.status).toBe(200);
				acknowledged += 1;
				({ seq, turn } = step.body);
			}
		}
	};
	let players: Promise<void>[] = [];
	return {
		start: (scenarioId: string) => (players = tokens.map((t) => play(t, scenarioId))),
		stop: async () => {
			stop = true;
			await Promise.all(players);
			return acknowledged;
		}
	};
}

interface Snapshot {
	users: number;
	attempts: { id: string; seq: number; status: string }[];
	events: number;
	/** Attempts whose row disagrees with their events: a backup must never hold one. */
	torn: number;
}

const SNAPSHOT_SQL = {
	users: 'select count(*) as n from "user"',
	attempts: 'select id, seq, status from attempt order by id',
	events: 'select count(*) as n from attempt_event',
	torn: 'select count(*) as n from attempt a where a.seq <> (select count(*) from attempt_event e where e.attempt_id = a.id)'
};

async function snapshot(database: TestDatabase): Promise<Snapshot & { integrity: string }> {
	if (database.config.dialect === 'sqlite') {
		const file = new SQLite(database.config.file, { readonly: true, fileMustExist: true });
		try {
			const count = (sql: string) => Number((file.prepare(sql).get() as { n: number }).n);
			return {
				integrity: file.pragma('integrity_check', { simple: true }) as string,
				users: count(SNAPSHOT_SQL.users),
				attempts: (file.prepare(SNAPSHOT_SQL.attempts).all() as Snapshot['attempts']).map((a) => ({ ...a, seq: Number(a.seq) })),
				events: count(SNAPSHOT_SQL.events),
				torn: count(SNAPSHOT_SQL.torn)
			};
		} finally {
			file.close();
		}
	}
	const client = new pg.Client({ connectionString: database.config.url });
	await client.connect();
	try {
		const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);
		return {
			integrity: 'ok',
			users: await count(SNAPSHOT_SQL.users),
			attempts: (await client.query(SNAPSHOT_SQL.attempts)).rows.map((a) => ({ ...a, seq: Number(a.seq) })),
			events: await count(SNAPSHOT_SQL.events),
			torn: await count(SNAPSHOT_SQL.torn)
		};
	} finally {
		await client.end();
	}
}

/** Restores a backup the way docs/security.md says, into a new database. */
async function restore(dialect: TestDatabase['config']['dialect'], backup: string): Promise<TestDatabase> {
	const target = await createTestDatabase(dialect);
	if (target.config.dialect === 'sqlite') {
		// SQLite: the backup file is a complete database; copy it into place while the app is stopped.
		await run('cp', [backup, target.config.file]);
	} else {
		await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.config.url}`, backup]);
	}
	return target;
}

describe.each(dialects)('backup and restore %s', (dialect) => {
	const label = dialectLabel(dialect);
	const cleanup: (() => Promise<void>)[] = [];
	afterAll(async () => {
		for (const c of cleanup.reverse()) await c().catch(() => {});
	});

	it(`${label} npm run db:backup takes a consistent online backup while learners post steps, and a server starts on the restored copy`, async () => {
		const server = await startTestServer(dialect, { env: { LOG_LEVEL: 'silent', SEED_DEMO: 'false' } });
		cleanup.push(() => server.stop());
		const learners = await createLearners(server.database, 6);
		const scenarioId = (await (await fetch(`${server.url}/api/v1/scenarios`, { headers: { authorization: `Bearer ${learners[0].token}` } })).json())[0].id;
		const load = keepPlaying(server, learners.map((l) => l.token));
		load.start(scenarioId);
		await new Promise((r) => setTimeout(r, 800));

		const backup = join(mkdtempSync(join(tmpdir(), 'rapport-backup-')), dialect === 'sqlite' ? 'rapport.db' : 'rapport.dump');
		const began = Date.now();
		const { stdout } = await run('npx', ['tsx', 'scripts/db-backup.ts', backup], { env: { ...process.env, DATABASE_URL: server.database.url } });
		const backupMs = Date.now() - began;
		expect(stdout).toContain(`backup written to ${backup}`);
		await new Promise((r) => setTimeout(r, 300));
		const acknowledged = await load.stop();
		const live = await snapshot(server.database);
		console.log(`backup ${dialect}: ${backupMs} ms while ${learners.length} learners posted steps (${acknowledged} acknowledged)`);

		const restored = await restore(dialect, backup);
		cleanup.push(() => restored.drop());
		const copy = await snapshot(restored);
		// A snapshot of one moment: integrity ok, nothing torn, and nothing the live database does not have.
		expect(copy.integrity).toBe('ok');
		expect(copy.torn).toBe(0);
		expect(copy.users).toBe(live.users);
		expect(copy.attempts.length).toBeGreaterThan(0);
		expect(copy.events).toBeGreaterThan(0);
		expect(copy.events).toBeLessThanOrEqual(live.events);
		const liveSeq = new Map(live.attempts.map((a) => [a.id, a.seq]));
		for (const a of copy.attempts) expect(a.seq).toBeLessThanOrEqual(liveSeq.get(a.id)!);

		// The restored copy serves: the learners' tokens work and an attempt from the backup goes on from where it was.
		const again = await startTestServer(dialect, { database: restored, env: { LOG_LEVEL: 'silent' } });
		cleanup.push(() => again.stop());
		const open = copy.attempts.find((a) => a.status === 'in_progress')!;
		const mine = await Promise.all(
			learners.map(async (l) => ({ l, r: await fetch(`${again.url}/api/v1/attempts/${open.id}`, { headers: { authorization: `Bearer ${l.token}` } }) }))
		);
		const found = mine.find(({ r }) => r.status === 200);
		expect(found, `attempt ${open.id} is someone's in the restored copy`).toBeDefined();
		const body = await found!.r.json();
		expect(body.seq).toBe(open.seq);
		const step = await fetch(`${again.url}/api/v1/attempts/${open.id}/steps`, {
			method: 'POST',
			headers: { authorization: `Bearer ${found!.l.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ seq: body.seq, optionId: body.turn.options[0].id })
		});
		expect(step.status).toBe(200);
	}, 180_000);
});
