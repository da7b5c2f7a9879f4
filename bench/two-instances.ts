import { createLearnersWithTokens } from './learners';
import { openMigrated, type BenchDatabase } from './database';
import { measurePlay, type PlayFigures } from './http';
import { startServer, type BenchServer } from './server';

export interface TwoInstanceFigures {
	/** An attempt started on one instance took its next step on the other and read back the same on both. */
	handoffOk: boolean;
	combinedRps: number;
	combinedP99Ms: number;
	errors: number;
	instances: PlayFigures[];
	rssMb: (number | undefined)[];
}

const call = async (server: BenchServer, token: string, path: string, body?: unknown) => {
	const response = await fetch(`${server.url}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: response.status, body: (await response.json()) as { id: string; seq: number; turn: { options: { id: string }[] } | null } };
};

/** Starts on A, steps on B, reads on A: nothing about an attempt lives in one instance's memory. */
async function handoff(a: BenchServer, b: BenchServer, token: string, scenarioId: string): Promise<boolean> {
	const started = await call(a, token, '/api/v1/attempts', { scenarioId });
	if (started.status !== 201 || !started.body.turn) return false;
	const stepped = await call(b, token, `/api/v1/attempts/${started.body.id}/steps`, { seq: started.body.seq, optionId: started.body.turn.options[0].id });
	if (stepped.status !== 200) return false;
	const [onA, onB] = await Promise.all([call(a, token, `/api/v1/attempts/${started.body.id}`), call(b, token, `/api/v1/attempts/${started.body.id}`)]);
	return onA.status === 200 && onA.body.seq === started.body.seq + 1 && JSON.stringify(onA.body) === JSON.stringify(onB.body);
}

/** Two servers on one PostgreSQL database, each under half the connections at once; throughput is the sum. */
export async function benchTwoInstances(database: BenchDatabase, options: { seconds: number; warmUpSeconds: number; connections: number; learners: number; scenarioIds: string[] }): Promise<TwoInstanceFigures> {
	const opened = await openMigrated(database);
	const tokens = await createLearnersWithTokens(opened.db, options.learners, 'pg');
	await opened.close();
	const a = await startServer(database.url, database.dataDir);
	const b = await startServer(database.url, database.dataDir);
	try {
		const handoffOk = await handoff(a, b, tokens[0], options.scenarioIds[0]);
		const half = Math.max(1, Math.floor(options.connections / 2));
		// Each instance plays its own learners, so the two never race for one attempt.
		const split = [tokens.filter((_, i) => i % 2 === 0), tokens.filter((_, i) => i % 2 === 1)];
		await Promise.all([a, b].map((s, i) => measurePlay(s.url, split[i], options.scenarioIds, options.warmUpSeconds, half)));
		const instances = await Promise.all([a, b].map((s, i) => measurePlay(s.url, split[i], options.scenarioIds, options.seconds, half)));
		return {
			handoffOk,
			combinedRps: instances.reduce((sum, r) => sum + r.rps, 0),
			combinedP99Ms: Math.max(...instances.map((r) => r.p99Ms)),
			errors: instances.reduce((sum, r) => sum + r.errors, 0),
			instances,
			rssMb: [a.rssMb(), b.rssMb()]
		};
	} finally {
		await Promise.all([a.stop(), b.stop()]);
	}
}
