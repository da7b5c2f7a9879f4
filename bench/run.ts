/**
 * Benchmarks, run with `npm run bench` (`-- --quick` for a short smoke run without thresholds).
 * Engine, HTTP (ping vs the real step workload), two instances on PostgreSQL, a large organisation's
 * pages, and the play page's JavaScript. Figures are merged into bench/results.json (keys other
 * benchmarks wrote are kept); the full run prints each against its goal.
 *
 * `--only=scale` (a comma list of engine, build, http, two, scale) runs just those sections; the
 * figures of the others keep their previous values in results.json. `BENCH_SCALE_LEARNERS`,
 * `BENCH_SCALE_TEAMS` and `BENCH_SCALE_ATTEMPTS` change the organisation's size (a database of
 * its own) to iterate on a smaller one.
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
import { perRequestCosts, ratio } from './request-costs';
import { benchScale, type ScaleFigures } from './scale/scale-bench';
import { benchTwoInstances, type TwoInstanceFigures } from './two-instances';

const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));
const CONTENT = fileURLToPath(new URL('../content', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLAY_ROUTE = '/(app)/play/[attemptId]';

const quick = process.argv.includes('--quick');
const SECTIONS = ['engine', 'build', 'http', 'two', 'scale'] as const;
type Section = (typeof SECTIONS)[number];
const onlyArgument = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const onlySections = onlyArgument?.split(',').map((s) => s.trim()).filter(Boolean);
const unknownSections = onlySections?.filter((s) => !(SECTIONS as readonly string[]).includes(s)) ?? [];
if (unknownSections.length > 0) throw new Error(`--only: unknown section ${unknownSections.join(', ')} (known: ${SECTIONS.join(', ')})`);
const runs = (s: Section) => !onlySections || onlySections.includes(s);
// The build stamp hashes paths relative to the project folder.
process.chdir(ROOT);
const log = (line: string) => console.log(line);
const section = (title: string) => console.log(`\n▶ ${title}`);

/** What each run measures: the full run is the issue's; quick is a smoke test that finishes in about a minute. */
const plan = quick
	? { engineSeconds: 0.1, httpSeconds: 4, warmUpSeconds: 1, learners: 20, org: { learners: 200, teams: 8, attempts: 2_000 }, pageSamples: 10, fullExport: true }
	: { engineSeconds: 1, httpSeconds: 30, warmUpSeconds: 5, learners: 200, org: { learners: 10_000, teams: 400, attempts: 1_000_000 }, pageSamples: 100, fullExport: true };
const sizeOverride = (name: string, fallback: number) => {
	const text = process.env[name];
	if (!text) return fallback;
	const value = Number(text);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not ${text}`);
	return value;
};
const org = {
	learners: sizeOverride('BENCH_SCALE_LEARNERS', plan.org.learners),
	teams: sizeOverride('BENCH_SCALE_TEAMS', plan.org.teams),
	attempts: sizeOverride('BENCH_SCALE_ATTEMPTS', plan.org.attempts)
};
const orgOverridden = org.learners !== plan.org.learners || org.teams !== plan.org.teams || org.attempts !== plan.org.attempts;
const CONNECTIONS = 64;
// Quick runs use PostgreSQL only when the test run hands it over; the full run whenever it is reachable.
const pgAdminUrl = process.env.TEST_DATABASE_URL || (quick ? undefined : 'postgres://postgres@127.0.0.1:5432/postgres');

const KEY_FIGURES = [
	'ping_rps',
	'api_floor_rps',
	'api_floor_vs_ping',
	'step_rps',
	'step_vs_ping',
	'step_p99_ms',
	'step_errors',
	'engine_steps_per_s',
	'dashboard_p95_ms',
	'dashboard_client_p95_ms',
	'play_page_js_gzip_kb'
] as const;
type KeyFigure = (typeof KEY_FIGURES)[number];
/** The goals for the full run; `higher` says which way is better. */
const GOALS: Record<KeyFigure, { goal: number; higher: boolean } | null> = {
	ping_rps: null,
	api_floor_rps: null,
	api_floor_vs_ping: null,
	step_rps: null,
	step_vs_ping: { goal: 0.6, higher: true },
	step_p99_ms: { goal: 40, higher: false },
	step_errors: { goal: 0, higher: false },
	engine_steps_per_s: { goal: 50_000, higher: true },
	dashboard_p95_ms: { goal: 50, higher: false },
	dashboard_client_p95_ms: null,
	play_page_js_gzip_kb: { goal: 80, higher: false }
};

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
const previous = await readResults();
/** Figures of the sections run now; the others keep what results.json had. */
const measured: Record<string, unknown> = {};
const keyFigures: Partial<Record<KeyFigure, number>> = {};

const library = checkLibrary(await readContentFiles([CONTENT]));
if (library.problems.length > 0) console.warn(`Content problems (those files are left out):\n${library.problems.map(formatProblem).join('\n')}`);

if (runs('engine')) {
	section('Engine');
	const engine = benchEngine(library, plan.engineSeconds);
	console.table(
		Object.fromEntries(
			engine.rows.map((r) => [
				r.scenario,
				{ steps: r.steps, endings: r.endings, 'mean score': +r.meanScore.toFixed(1), 'cpu s': +r.seconds.toFixed(2), 'wall s': +r.wallSeconds.toFixed(2), 'steps/s': Math.round(r.stepsPerSecond) }
			])
		)
	);
	keyFigures.engine_steps_per_s = Math.round(engine.stepsPerSecond);
	measured.engine_run = quick ? 'quick' : 'full';
}

// Every section that starts a server needs a current build, whether or not `build` is measured.
let routes = '';
if (runs('build') || runs('http') || runs('two') || runs('scale')) {
	section('Production build');
	// Asked in a child process: scripts/build-stamp.js is plain JavaScript the type check does not cover.
	const buildIsCurrent = () =>
		spawnSync(process.execPath, ['--input-type=module', '-e', "import { isBuildCurrent } from './scripts/build-stamp.js'; process.exit(isBuildCurrent() ? 0 : 1)"], { cwd: ROOT }).status === 0;
	if (!buildIsCurrent()) {
		log('building…');
		const built = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'inherit' });
		if (built.status !== 0) throw new Error('the production build failed');
	} else log('the build is current');
	routes = await readFile(`${ROOT}/.svelte-kit/output/server/manifest.js`, 'utf8');
}
if (runs('build')) {
	const playPage = routeJsGzipKb(ROOT, PLAY_ROUTE);
	log(`play page: ${playPage.kb} kB of gzipped JavaScript in ${playPage.files} files`);
	keyFigures.play_page_js_gzip_kb = playPage.kb;
}
const routeExists = (id: string) => routes.includes(`id: ${JSON.stringify(id)}`);

const scenarioIds = library.scenarios.map((s) => s.id);
const httpOptions = { seconds: plan.httpSeconds, warmUpSeconds: plan.warmUpSeconds, connections: CONNECTIONS, learners: plan.learners, scenarioIds };

let httpRssMb: number | undefined;
if (runs('http')) {
	section(`HTTP on SQLite: /healthz, then learners playing through /api/v1/attempts/{id}/steps (${CONNECTIONS} connections, ${plan.httpSeconds} s each)`);
	const http = await benchHttp(sqliteDatabase('http', true), httpOptions);
	log(`ping ${http.ping.rps} req/s (p99 ${http.ping.p99Ms} ms); API floor ${http.floor.rps} req/s (p99 ${http.floor.p99Ms} ms, ${http.floor.errors} errors)`);
	log(`play ${http.play.rps} req/s (p50 ${http.play.p50Ms} ms, p99 ${http.play.p99Ms} ms, ${http.play.errors} errors, ${http.play.attemptsFinished} attempts finished); server RSS ${http.rssMb} MB`);
	const half = http.playAtHalf;
	log(`play by learners who think between answers, asking half that (${half.rate} req/s): ${half.rps} req/s (p50 ${half.p50Ms} ms, p99 ${half.p99Ms} ms, ${half.errors} errors)`);
	const costs = perRequestCosts(http.ping.rps, http.floor.rps, http.play.rps, GOALS.step_vs_ping!.goal);
	log(
		`Server time a request at saturation: ping ${costs.pingMs} ms, API floor ${costs.floorMs} ms, step ${costs.stepMs} ms, of which the play service ${costs.serviceMs} ms. ` +
			`A step_vs_ping of ${GOALS.step_vs_ping!.goal} needs a step within ${costs.goalStepMs} ms, which leaves the play service ${costs.serviceBudgetMs} ms.`
	);
	httpRssMb = http.rssMb;
	Object.assign(keyFigures, {
		ping_rps: http.ping.rps,
		api_floor_rps: http.floor.rps,
		api_floor_vs_ping: ratio(http.floor.rps, http.ping.rps),
		step_rps: http.play.rps,
		step_vs_ping: ratio(http.play.rps, http.ping.rps),
		step_p99_ms: http.play.p99Ms,
		step_errors: http.play.errors
	});
	Object.assign(measured, {
		database: 'sqlite',
		http_seconds: plan.httpSeconds,
		connections: CONNECTIONS,
		ping_p50_ms: http.ping.p50Ms,
		ping_p99_ms: http.ping.p99Ms,
		ping_errors: http.ping.errors,
		api_floor_p50_ms: http.floor.p50Ms,
		api_floor_p99_ms: http.floor.p99Ms,
		api_floor_errors: http.floor.errors,
		step_vs_api_floor: ratio(http.play.rps, http.floor.rps),
		step_service_ms: costs.serviceMs,
		step_service_budget_ms: costs.serviceBudgetMs,
		step_at_half_rate: { rate: half.rate, rps: half.rps, p50_ms: half.p50Ms, p99_ms: half.p99Ms, errors: half.errors },
		step_p50_ms: http.play.p50Ms,
		step_timeouts: http.play.timeouts,
		step_status_codes: http.play.statusCodes,
		step_attempts_finished: http.play.attemptsFinished,
		server_rss_mb: http.rssMb ?? null
	});
}

const pgReachable = runs('two') || runs('scale') ? await postgresReachable(pgAdminUrl) : false;
let twoInstances: TwoInstanceFigures | null = null;
if (runs('two')) {
	if (pgReachable) {
		section('Two instances on one PostgreSQL database');
		twoInstances = await benchTwoInstances(await postgresDatabase(pgAdminUrl!, 'rapport_bench_http', true), httpOptions);
		log(`hand-off between instances ${twoInstances.handoffOk ? 'works' : 'FAILED'}; combined ${twoInstances.combinedRps} req/s (p99 ${twoInstances.combinedP99Ms} ms, ${twoInstances.errors} errors)`);
	} else log(`\nPostgreSQL ${pgAdminUrl ? 'is not reachable' : 'not requested (quick run without TEST_DATABASE_URL)'}: no two-instance run`);
	measured.postgres = pgReachable;
	measured.pg_two_instances = twoInstances && {
		handoff_ok: twoInstances.handoffOk,
		combined_step_rps: twoInstances.combinedRps,
		combined_step_p99_ms: twoInstances.combinedP99Ms,
		errors: twoInstances.errors,
		per_instance_rps: twoInstances.instances.map((i) => i.rps),
		rss_mb: twoInstances.rssMb
	};
}

const scale: ScaleFigures[] = [];
if (runs('scale')) {
	const scaleLabel = `${org.learners.toLocaleString('en')} learners, ${org.teams} teams, ${org.attempts.toLocaleString('en')} attempts`;
	section(`Large organisation on SQLite (${scaleLabel})`);
	// An overridden size gets a database of its own, so the full organisation's stays cached.
	const sqliteName = quick ? 'scale-quick' : orgOverridden ? `scale-${org.learners}-${org.teams}-${org.attempts}` : 'scale';
	scale.push(
		await benchScale(sqliteDatabase(sqliteName, false), org, { samples: plan.pageSamples, fullExport: plan.fullExport, routeExists, regenerate: async () => void sqliteDatabase(sqliteName, true) }, log)
	);
	// Generating a million attempts on PostgreSQL takes long on a busy machine: `--no-pg-scale` leaves it out.
	if (pgReachable && !quick && !process.argv.includes('--no-pg-scale')) {
		section(`Large organisation on PostgreSQL (${scaleLabel})`);
		const name = orgOverridden ? `rapport_bench_${org.learners}_${org.teams}_${org.attempts}` : 'rapport_bench';
		scale.push(
			await benchScale(await postgresDatabase(pgAdminUrl!, name, false), org, {
				samples: plan.pageSamples,
				fullExport: plan.fullExport,
				routeExists,
				regenerate: async () => void (await postgresDatabase(pgAdminUrl!, name, true))
			}, log)
		);
	}
	const measuredAt = new Date().toISOString();
	const entries = scale.map((s) => ({
		database: s.dialect,
		learners: s.size.learners,
		teams: s.size.teams,
		attempts: s.size.attempts,
		measured_at: measuredAt,
		generated_seconds: s.generatedSeconds,
		slowest_p95_ms: s.slowestP95Ms,
		slowest_server_p95_ms: s.slowestServerP95Ms,
		pages: Object.fromEntries(s.pages.map((p) => [p.page, { path: p.path, p95_ms: p.p95Ms, p50_ms: p.p50Ms, server_p95_ms: p.serverP95Ms, measures: p.measures }])),
		full_export: s.fullExport,
		server_rss_mb: s.rssMb ?? null
	}));
	// An entry for a database and size not measured now (PostgreSQL left out, another size) stays.
	const sameRun = (e: { database: string; learners: number; teams: number; attempts: number }) =>
		entries.some((n) => n.database === e.database && n.learners === e.learners && n.teams === e.teams && n.attempts === e.attempts);
	const kept = Array.isArray(previous.scale) ? (previous.scale as Parameters<typeof sameRun>[0][]).filter((e) => !sameRun(e)) : [];
	measured.scale = [...entries, ...kept];
	// The goal is the full organisation's: a smaller one iterated on does not report it.
	// The issue's goal is the pages' p95 server time; the client's figure (transfer included) is kept beside it.
	if (!orgOverridden) {
		keyFigures.dashboard_p95_ms = Math.max(...scale.map((s) => s.slowestServerP95Ms));
		keyFigures.dashboard_client_p95_ms = Math.max(...scale.map((s) => s.slowestP95Ms));
	}
}

const results = {
	...previous,
	...keyFigures,
	...measured,
	run: quick ? 'quick' : 'full',
	sections: onlySections ?? [...SECTIONS],
	cores: availableParallelism(),
	load_average_before: loadBefore,
	load_average_after: loadavg().map((l) => +l.toFixed(2)),
	bench_seconds: Math.round((performance.now() - startedAt) / 1000),
	timestamp: new Date().toISOString()
};
await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const round1 = (n: number) => Math.round(n * 10) / 10;
const verdict = (key: KeyFigure, value: number) => {
	const goal = GOALS[key];
	if (!goal) return '';
	if (quick) return 'no threshold (quick)';
	return (goal.higher ? value >= goal.goal : value <= goal.goal) ? 'pass' : 'short';
};
section(`Results (${quick ? 'quick run, no thresholds' : 'full run'}; ${availableParallelism()} cores, load average ${loadBefore.join(' ')} before)`);
console.table(
	Object.fromEntries(
		KEY_FIGURES.filter((key) => keyFigures[key] !== undefined).map((key) => [
			key,
			{ value: keyFigures[key], goal: GOALS[key] ? `${GOALS[key]!.higher ? '≥' : '≤'} ${GOALS[key]!.goal}` : '', result: verdict(key, keyFigures[key]!) }
		])
	)
);
for (const s of scale) {
	console.table(Object.fromEntries(s.pages.map((p) => [`${s.dialect}: ${p.page}`, { 'p95 ms': p.p95Ms, 'p50 ms': p.p50Ms, 'server p95 ms': p.serverP95Ms ?? '', measures: p.measures }])));
}
if (httpRssMb !== undefined) log(`server RSS after the HTTP run: ${httpRssMb} MB (goal < 300)`);
if (twoInstances) log(`two instances on PostgreSQL: ${twoInstances.combinedRps} req/s combined, hand-off ${twoInstances.handoffOk ? 'ok' : 'FAILED'}`);
log(`wrote ${RESULTS} in ${round1((performance.now() - startedAt) / 1000)} s`);
