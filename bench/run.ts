/**
 * Benchmarks, run with `npm run bench` (`-- --quick` for a short smoke run without thresholds).
 * Engine, HTTP (ping vs the real step workload), two instances on PostgreSQL, a large organisation's
 * pages, and the play page's JavaScript. Figures are merged into bench/results.json (keys other
 * benchmarks wrote are kept); the full run prints each against its goal.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkLibrary } from '../src/lib/content/check-library';
import { formatProblem } from '../src/lib/content/problem';
import { readContentFiles } from '../src/lib/server/content/read-content-files';
import { postgresDatabase, postgresReachable, sqliteDatabase } from './database';
import { benchEngine } from './engine';
import { benchHttp } from './http-bench';
import { routeJsGzipKb } from './page-weight';
import { benchScale, type ScaleFigures } from './scale/scale-bench';
import { benchTwoInstances, type TwoInstanceFigures } from './two-instances';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const CONTENT = fileURLToPath(new URL('../content', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLAY_ROUTE = '/(app)/play/[attemptId]';

const quick = process.argv.includes('--quick');
// The build stamp hashes paths relative to the project folder.
process.chdir(ROOT);
const log = (line: string) => console.log(line);
const section = (title: string) => console.log(`\n▶ ${title}`);

/** What each run measures: the full run is the issue's; quick is a smoke test that finishes in about a minute. */
const plan = quick
	? { engineSeconds: 0.1, httpSeconds: 4, warmUpSeconds: 1, learners: 20, org: { learners: 200, teams: 8, attempts: 2_000 }, pageSamples: 10, fullExport: true }
	: { engineSeconds: 1, httpSeconds: 30, warmUpSeconds: 5, learners: 200, org: { learners: 10_000, teams: 400, attempts: 1_000_000 }, pageSamples: 40, fullExport: true };
const CONNECTIONS = 64;
// Quick runs use PostgreSQL only when the test run hands it over; the full run whenever it is reachable.
const pgAdminUrl = process.env.TEST_DATABASE_URL || (quick ? undefined : 'postgres://postgres@127.0.0.1:5432/postgres');

const readResults = async (): Promise<Record<string, unknown>> => {
	try {
		return JSON.parse(await readFile(RESULTS, 'utf8'));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw error;
	}
};

const startedAt = performance.now();
const loadBefore = loadavg().map((l) => +l.toFixed(2));

section('Engine');
const library = checkLibrary(await readContentFiles([CONTENT]));
if (library.problems.length > 0) console.warn(`Content problems (those files are left out):\n${library.problems.map(formatProblem).join('\n')}`);
const engine = benchEngine(library, plan.engineSeconds);
console.table(
	Object.fromEntries(
		engine.rows.map((r) => [
			r.scenario,
			{ steps: r.steps, endings: r.endings, 'mean score': +r.meanScore.toFixed(1), 'cpu s': +r.seconds.toFixed(2), 'wall s': +r.wallSeconds.toFixed(2), 'steps/s': Math.round(r.stepsPerSecond) }
		])
	)
);
const engineStepsPerSecond = Math.round(engine.stepsPerSecond);

section('Production build');
// Asked in a child process: scripts/build-stamp.js is plain JavaScript the type check does not cover.
const buildIsCurrent = () =>
	spawnSync(process.execPath, ['--input-type=module', '-e', "import { isBuildCurrent } from './scripts/build-stamp.js'; process.exit(isBuildCurrent() ? 0 : 1)"], { cwd: ROOT }).status === 0;
if (!buildIsCurrent()) {
	log('building…');
	const built = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'inherit' });
	if (built.status !== 0) throw new Error('the production build failed');
} else log('the build is current');
const playPage = routeJsGzipKb(ROOT, PLAY_ROUTE);
log(`play page: ${playPage.kb} kB of gzipped JavaScript in ${playPage.files} files`);
const routes = await readFile(`${ROOT}/.svelte-kit/output/server/manifest.js`, 'utf8');
const routeExists = (id: string) => routes.includes(`id: ${JSON.stringify(id)}`);

const scenarioIds = library.scenarios.map((s) => s.id);
const httpOptions = { seconds: plan.httpSeconds, warmUpSeconds: plan.warmUpSeconds, connections: CONNECTIONS, learners: plan.learners, scenarioIds };

section(`HTTP on SQLite: /healthz, then learners playing through /api/v1/attempts/{id}/steps (${CONNECTIONS} connections, ${plan.httpSeconds} s each)`);
const http = await benchHttp(sqliteDatabase('http', true), httpOptions);
log(`ping ${http.ping.rps} req/s (p99 ${http.ping.p99Ms} ms); play ${http.play.rps} req/s (p50 ${http.play.p50Ms} ms, p99 ${http.play.p99Ms} ms, ${http.play.errors} errors, ${http.play.attemptsFinished} attempts finished); server RSS ${http.rssMb} MB`);

let twoInstances: TwoInstanceFigures | null = null;
const pgReachable = await postgresReachable(pgAdminUrl);
if (pgReachable) {
	section('Two instances on one PostgreSQL database');
	twoInstances = await benchTwoInstances(await postgresDatabase(pgAdminUrl!, 'rapport_bench_http', true), httpOptions);
	log(`hand-off between instances ${twoInstances.handoffOk ? 'works' : 'FAILED'}; combined ${twoInstances.combinedRps} req/s (p99 ${twoInstances.combinedP99Ms} ms, ${twoInstances.errors} errors)`);
} else log(`\nPostgreSQL ${pgAdminUrl ? 'is not reachable' : 'not requested (quick run without TEST_DATABASE_URL)'}: no two-instance run`);

const scale: ScaleFigures[] = [];
const scaleLabel = `${plan.org.learners.toLocaleString('en')} learners, ${plan.org.teams} teams, ${plan.org.attempts.toLocaleString('en')} attempts`;
section(`Large organisation on SQLite (${scaleLabel})`);
const sqliteName = quick ? 'scale-quick' : 'scale';
scale.push(
	await benchScale(sqliteDatabase(sqliteName, false), plan.org, { samples: plan.pageSamples, fullExport: plan.fullExport, routeExists, regenerate: async () => void sqliteDatabase(sqliteName, true) }, log)
);
// Generating a million attempts on PostgreSQL takes long on a busy machine: `--no-pg-scale` leaves it out.
if (pgReachable && !quick && !process.argv.includes('--no-pg-scale')) {
	section(`Large organisation on PostgreSQL (${scaleLabel})`);
	const name = 'rapport_bench';
	scale.push(
		await benchScale(await postgresDatabase(pgAdminUrl!, name, false), plan.org, {
			samples: plan.pageSamples,
			fullExport: plan.fullExport,
			routeExists,
			regenerate: async () => void (await postgresDatabase(pgAdminUrl!, name, true))
		}, log)
	);
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const stepVsPing = http.ping.rps > 0 ? Math.round((http.play.rps / http.ping.rps) * 100) / 100 : 0;
const dashboardP95 = Math.max(...scale.map((s) => s.slowestP95Ms));
const keyFigures = {
	ping_rps: http.ping.rps,
	step_rps: http.play.rps,
	step_vs_ping: stepVsPing,
	step_p99_ms: http.play.p99Ms,
	step_errors: http.play.errors,
	engine_steps_per_s: engineStepsPerSecond,
	dashboard_p95_ms: dashboardP95,
	play_page_js_gzip_kb: playPage.kb
};
const results = {
	...(await readResults()),
	...keyFigures,
	run: quick ? 'quick' : 'full',
	engine_run: quick ? 'quick' : 'full',
	cores: availableParallelism(),
	load_average_before: loadBefore,
	load_average_after: loadavg().map((l) => +l.toFixed(2)),
	database: 'sqlite',
	http_seconds: plan.httpSeconds,
	connections: CONNECTIONS,
	ping_p50_ms: http.ping.p50Ms,
	ping_p99_ms: http.ping.p99Ms,
	ping_errors: http.ping.errors,
	step_p50_ms: http.play.p50Ms,
	step_timeouts: http.play.timeouts,
	step_status_codes: http.play.statusCodes,
	step_attempts_finished: http.play.attemptsFinished,
	server_rss_mb: http.rssMb ?? null,
	postgres: pgReachable,
	pg_two_instances: twoInstances && {
		handoff_ok: twoInstances.handoffOk,
		combined_step_rps: twoInstances.combinedRps,
		combined_step_p99_ms: twoInstances.combinedP99Ms,
		errors: twoInstances.errors,
		per_instance_rps: twoInstances.instances.map((i) => i.rps),
		rss_mb: twoInstances.rssMb
	},
	scale: scale.map((s) => ({
		database: s.dialect,
		learners: s.size.learners,
		teams: s.size.teams,
		attempts: s.size.attempts,
		generated_seconds: s.generatedSeconds,
		slowest_p95_ms: s.slowestP95Ms,
		pages: Object.fromEntries(s.pages.map((p) => [p.page, { path: p.path, p95_ms: p.p95Ms, p50_ms: p.p50Ms, server_p95_ms: p.serverP95Ms, measures: p.measures }])),
		full_export: s.fullExport,
		server_rss_mb: s.rssMb ?? null
	})),
	bench_seconds: Math.round((performance.now() - startedAt) / 1000),
	timestamp: new Date().toISOString()
};
await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

/** The goals for the full run; `higher` says which way is better. */
const GOALS: Record<keyof typeof keyFigures, { goal: number; higher: boolean } | null> = {
	ping_rps: null,
	step_rps: null,
	step_vs_ping: { goal: 0.6, higher: true },
	step_p99_ms: { goal: 40, higher: false },
	step_errors: { goal: 0, higher: false },
	engine_steps_per_s: { goal: 50_000, higher: true },
	dashboard_p95_ms: { goal: 50, higher: false },
	play_page_js_gzip_kb: { goal: 80, higher: false }
};
const verdict = (key: keyof typeof keyFigures) => {
	const goal = GOALS[key];
	if (!goal) return '';
	if (quick) return 'no threshold (quick)';
	const value = keyFigures[key];
	return (goal.higher ? value >= goal.goal : value <= goal.goal) ? 'pass' : 'short';
};
section(`Results (${quick ? 'quick run, no thresholds' : 'full run'}; ${availableParallelism()} cores, load average ${loadBefore.join(' ')} before)`);
console.table(
	Object.fromEntries(
		(Object.keys(keyFigures) as (keyof typeof keyFigures)[]).map((key) => [
			key,
			{ value: keyFigures[key], goal: GOALS[key] ? `${GOALS[key]!.higher ? '≥' : '≤'} ${GOALS[key]!.goal}` : '', result: verdict(key) }
		])
	)
);
for (const s of scale) {
	console.table(Object.fromEntries(s.pages.map((p) => [`${s.dialect}: ${p.page}`, { 'p95 ms': p.p95Ms, 'p50 ms': p.p50Ms, 'server p95 ms': p.serverP95Ms ?? '', measures: p.measures }])));
}
log(`server RSS after the HTTP run: ${http.rssMb} MB (goal < 300)`);
if (twoInstances) log(`two instances on PostgreSQL: ${twoInstances.combinedRps} req/s combined, hand-off ${twoInstances.handoffOk ? 'ok' : 'FAILED'}`);
log(`wrote ${RESULTS} in ${round1((performance.now() - startedAt) / 1000)} s`);
