/**
 * Benchmarks, run with `npm run bench` (`-- --quick` for a short smoke run). Figures are merged
 * into bench/results.json, which other benchmarks share, so keys they wrote are kept.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkLibrary } from '../src/lib/content/check-library';
import { formatProblem } from '../src/lib/content/problem';
import { readContentFiles } from '../src/lib/server/content/read-content-files';
import { benchEngine } from './engine';

const ENGINE_GOAL = 50_000;
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const CONTENT = fileURLToPath(new URL('../content', import.meta.url));

const quick = process.argv.includes('--quick');

const readResults = async (): Promise<Record<string, unknown>> => {
	try {
		return JSON.parse(await readFile(RESULTS, 'utf8'));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw error;
	}
};

const library = checkLibrary(await readContentFiles([CONTENT]));
if (library.problems.length > 0) console.warn(`Content problems (those files are left out):\n${library.problems.map(formatProblem).join('\n')}`);

const engine = benchEngine(library, quick ? 0.1 : 1);
console.table(
	Object.fromEntries(
		engine.rows.map((r) => [
			r.scenario,
			{ steps: r.steps, endings: r.endings, 'mean score': +r.meanScore.toFixed(1), 'cpu s': +r.seconds.toFixed(2), 'wall s': +r.wallSeconds.toFixed(2), 'steps/s': Math.round(r.stepsPerSecond) }
		])
	)
);
const stepsPerSecond = Math.round(engine.stepsPerSecond);
console.log(`engine: ${stepsPerSecond.toLocaleString('en')} steps per CPU-second on one core (goal ${ENGINE_GOAL.toLocaleString('en')})${quick ? ', quick run' : ''}`);

const results = {
	...(await readResults()),
	engine_steps_per_s: stepsPerSecond,
	engine_run: quick ? 'quick' : 'full',
	cores: availableParallelism(),
	timestamp: new Date().toISOString()
};
await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${RESULTS}`);
