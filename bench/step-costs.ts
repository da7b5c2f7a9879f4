/**
 * Where a step's time goes, without HTTP: `npx tsx bench/step-costs.ts [attempts]` plays that many
 * attempts (default 600, the first 100 as warm-up) through the same service functions the API calls,
 * on a fresh SQLite database, and prints the CPU milliseconds of the token lookup, a start, a step
 * that does not end the attempt and one that does. CPU time, not wall time, so other work on a shared
 * machine disturbs it less; compare runs made one after the other.
 */
import { fileURLToPath } from 'node:url';
import { checkLibrary } from '../src/lib/content/check-library';
import { actorOf } from '../src/lib/server/auth/actor';
import { readContentFiles } from '../src/lib/server/content/read-content-files';
import { holderOfAccessToken } from '../src/lib/server/db/tokens';
import { startAttempt, takeStep, type PlayState } from '../src/lib/server/play/attempt-service';
import { presentTurn } from '../src/lib/server/play/present';
import { setUpCredentialIssuer } from '../src/lib/server/progression/setup-issuer';
import { openMigrated, sqliteDatabase } from './database';
import { createLearnersWithTokens } from './learners';

const CONTENT = fileURLToPath(new URL('../content', import.meta.url));
const WARM_UP = 100;
const attempts = Number(process.argv[2] ?? 600);

const scenarioIds = checkLibrary(await readContentFiles([CONTENT])).scenarios.map((s) => s.id);
const database = sqliteDatabase('step-costs', true);
// Checkpoints off this thread, as the server runs.
const { db, close } = await openMigrated(database, { sqliteCheckpoints: 'background' });
await setUpCredentialIssuer(db, database.dataDir, 'http://localhost');
const tokens = await createLearnersWithTokens(db, 200, 'step-costs');

const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};
const costs = new Map<string, number[]>();
const record = (name: string, ms: number) => costs.set(name, [...(costs.get(name) ?? []), ms]);
async function measured<T>(name: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
	const started = cpuMs();
	const value = await work();
	const ms = cpuMs() - started;
	record(name, ms);
	return { value, ms };
}
const signIn = (token: string) =>
	measured('token lookup', async () => {
		const holder = (await holderOfAccessToken(db, token))!;
		return actorOf(holder.user, holder.teamIds);
	});

for (let i = 0; i < attempts; i++) {
	if (i === WARM_UP) costs.clear();
	const token = tokens[i % tokens.length];
	const learner = (await signIn(token)).value;
	const started = await measured('start', () => startAttempt(db, learner, scenarioIds[i % scenarioIds.length]));
	if (!started.value.ok) throw new Error(`start failed: ${started.value.message}`);
	let state: PlayState = started.value.value;
	while (!state.walk.turn.ended && state.walk.turn.options.length > 0) {
		const options = state.walk.turn.options;
		const optionId = options[Math.floor(Math.random() * options.length)].id;
		const actor = (await signIn(token)).value;
		const { value: answer, ms } = await measured('step', () => takeStep(db, actor, state.attempt.id, state.attempt.seq, optionId));
		if (!answer.ok) throw new Error(`step failed: ${answer.message}`);
		const goesOn = answer.value.status === 'in_progress';
		record(goesOn ? 'step, not the last' : 'last step', ms);
		state = answer.value.state;
		if (goesOn) presentTurn(state.walk.turn, state);
	}
}
await close();

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
console.table(
	Object.fromEntries(
		[...costs].map(([name, values]) => {
			const sorted = [...values].sort((a, b) => a - b);
			const mean = values.reduce((a, b) => a + b, 0) / values.length;
			return [name, { count: values.length, 'mean ms': +mean.toFixed(3), 'p50 ms': +at(sorted, 0.5).toFixed(3), 'p99 ms': +at(sorted, 0.99).toFixed(3) }];
		})
	)
);
