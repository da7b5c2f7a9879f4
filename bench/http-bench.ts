import { createLearnersWithTokens } from './learners';
import { openMigrated, type BenchDatabase } from './database';
import { measureApiFloor, measurePing, measurePlay, type LoadFigures, type PlayFigures } from './http';
import { measurePacedPlay } from './paced-play';
import { startServer } from './server';

export interface HttpOptions {
	seconds: number;
	warmUpSeconds: number;
	connections: number;
	learners: number;
	scenarioIds: string[];
}

export interface HttpFigures {
	ping: LoadFigures;
	/** An authenticated step refused after its body is checked: every layer of a step but the play service. */
	floor: LoadFigures;
	play: PlayFigures;
	/** Learners who think between answers, asking half the throughput just measured: the latency a step sees when the server is not saturated. */
	playAtHalf: PlayFigures & { rate: number };
	rssMb: number | undefined;
}

/** Ping, the API's floor, then play, on one fresh database and one server: the ratios are what compare across machines. */
export async function benchHttp(database: BenchDatabase, options: HttpOptions): Promise<HttpFigures> {
	const opened = await openMigrated(database);
	const tokens = await createLearnersWithTokens(opened.db, options.learners, 'http');
	await opened.close();
	const server = await startServer(database.url, database.dataDir);
	try {
		// Warm-ups let the JIT and the caches settle before any clock that counts starts.
		await measurePing(server.url, options.warmUpSeconds, options.connections);
		const ping = await measurePing(server.url, options.seconds, options.connections);
		await measureApiFloor(server.url, tokens[0], options.warmUpSeconds, options.connections);
		const floor = await measureApiFloor(server.url, tokens[0], options.seconds, options.connections);
		await measurePlay(server.url, tokens, options.scenarioIds, options.warmUpSeconds, options.connections);
		const play = await measurePlay(server.url, tokens, options.scenarioIds, options.seconds, options.connections);
		const rate = Math.max(1, Math.round(play.rps / 2));
		const playAtHalf = { rate, ...(await measurePacedPlay(server.url, tokens, options.scenarioIds, options.seconds, rate)) };
		return { ping, floor, play, playAtHalf, rssMb: server.rssMb() };
	} finally {
		await server.stop();
	}
}
