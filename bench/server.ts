import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BenchServer {
	url: string;
	pid: number;
	/** Resident set size now, from /proc (Linux); undefined elsewhere. */
	rssMb: () => number | undefined;
	output: () => string;
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

const rssOf = (pid: number): number | undefined => {
	try {
		const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1];
		return kb ? Math.round(Number(kb) / 1024) : undefined;
	} catch {
		return undefined;
	}
};

/** The production build (`scripts/serve.js`) as `npm start` runs it, with request logs off and no demo data. */
export async function startServer(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<BenchServer> {
	const port = await freePort();
	let log = '';
	// BENCH_CPU_PROF=folder writes a V8 CPU profile of the server there when it stops.
	const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
	const child: ChildProcess = spawn(process.execPath, [...profile, 'scripts/serve.js'], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise<void>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			log += chunk.toString();
			if (log.includes('listening on')) resolve();
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
	});
	const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
	// A bench that dies (or is killed) must not leave its server running.
	const orphanGuard = () => child.kill('SIGKILL');
	process.once('exit', orphanGuard);
	void exited.then(() => process.off('exit', orphanGuard));
	return {
		url: `http://127.0.0.1:${port}`,
		pid: child.pid!,
		rssMb: () => rssOf(child.pid!),
		output: () => log,
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		}
	};
}
