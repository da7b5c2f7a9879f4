import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database';

export interface TestServer {
	url: string;
	database: TestDatabase;
	output: () => string;
	/** Ends the process abruptly, as a crash would. */
	kill: () => Promise<void>;
	/** Starts a new process on the same database and port. */
	restart: () => Promise<void>;
	stop: () => Promise<void>;
}

export const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});

export interface ServeOptions {
	env?: Record<string, string>;
	database?: TestDatabase;
}

/** Runs the production build (`scripts/serve.js`) on a fresh database, as `npm start` would. */
export async function startTestServer(dialect: Dialect, options: ServeOptions = {}): Promise<TestServer> {
	const database = options.database ?? (await createTestDatabase(dialect));
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'rapport-data-'));
	let child: ChildProcess;
	let log = '';
	const launch = () =>
		new Promise<void>((resolve, reject) => {
			child = spawn(process.execPath, ['scripts/serve.js'], {
				env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			const onData = (chunk: Buffer) => {
				log += chunk.toString();
				if (log.includes('listening on')) resolve();
			};
			child.stdout!.on('data', onData);
			child.stderr!.on('data', onData);
			child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
		});
	await launch();
	// A process ended by a signal has a signalCode and no exitCode.
	const exited = () => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
	return {
		url: `http://127.0.0.1:${port}`,
		database,
		output: () => log,
		kill: async () => {
			child.kill('SIGKILL');
			await exited();
		},
		restart: async () => {
			log = '';
			await launch();
		},
		stop: async () => {
			child.kill('SIGTERM');
			await exited();
			if (!options.database) await database.drop();
		}
	};
}
