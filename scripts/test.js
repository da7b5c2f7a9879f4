// `npm test`: type check, content check, unit tests, a production build, integration tests on
// SQLite and PostgreSQL, a benchmark smoke run, and browser tests in Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { isBuildCurrent, sourceHash, STAMP_FILE } from './build-stamp.js';

const totals = { passed: 0, failed: 0 };
const reportDir = 'test-results';
mkdirSync(reportDir, { recursive: true });

function run(title, command, args, env = {}) {
	if (title) console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function countVitest(file) {
	if (!existsSync(file)) return { passed: 0, failed: 1, names: [] };
	const report = JSON.parse(readFileSync(file, 'utf8'));
	const tests = report.testResults.flatMap((f) => f.assertionResults);
	return {
		passed: tests.filter((t) => t.status === 'passed').length,
		failed: tests.filter((t) => t.status === 'failed').length,
		names: tests.filter((t) => t.status === 'passed').map((t) => t.fullName)
	};
}

async function postgresUrl() {
	const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.end();
		return url;
	} catch {
		return undefined;
	}
}

const steps = [];
const step = (name, ok) => {
	steps.push([name, ok]);
	if (!ok) totals.failed += 1;
};

step('svelte-check', run('Type check (svelte-check)', 'npx', ['svelte-kit', 'sync']) && run('', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error']));
step('content:check', run('Content check', 'npx', ['tsx', 'scripts/content-check.ts']));

const unitReport = `${reportDir}/unit.json`;
run('Unit tests', 'npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const unit = countVitest(unitReport);
totals.passed += unit.passed;
totals.failed += unit.failed;

if (!isBuildCurrent()) {
	const built = run('Production build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
	step('build', built);
	if (built) writeFileSync(STAMP_FILE, sourceHash() + '\n');
}

const pgUrl = await postgresUrl();
if (!pgUrl) {
	const message = 'PostgreSQL is not reachable (set TEST_DATABASE_URL or start the local server): its suite cannot run';
	if (process.env.CI) {
		console.error(`\n✗ ${message}`);
		step('postgres reachable', false);
	} else console.warn(`\n⚠ ${message}; running SQLite only`);
}
const integrationReport = `${reportDir}/integration.json`;
run('Integration tests (SQLite' + (pgUrl ? ' and PostgreSQL)' : ')'), 'npx',
	['vitest', 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${integrationReport}`],
	pgUrl ? { TEST_DATABASE_URL: pgUrl } : {});
const integration = countVitest(integrationReport);
totals.passed += integration.passed;
totals.failed += integration.failed;
const onPostgres = integration.names.filter((n) => n.includes('[postgres]')).length;
console.log(`\nIntegration tests run on PostgreSQL: ${onPostgres}`);
if (pgUrl && onPostgres === 0) step('postgres suite ran', false);

// The benchmarks' smoke run (small organisation, short runs, no thresholds): one test that fails
// only when the bench crashes or leaves a key out of bench/results.json.
const BENCH_KEYS = ['ping_rps', 'step_rps', 'step_vs_ping', 'step_p99_ms', 'step_errors', 'engine_steps_per_s', 'dashboard_p95_ms', 'play_page_js_gzip_kb', 'cores', 'database'];
const benchStarted = new Date().toISOString();
let benchOk = run('Benchmark smoke run (bench/run.ts --quick)', 'npx', ['tsx', 'bench/run.ts', '--quick'], pgUrl ? { TEST_DATABASE_URL: pgUrl } : {});
if (benchOk) {
	const results = JSON.parse(readFileSync('bench/results.json', 'utf8'));
	const missing = BENCH_KEYS.filter((key) => results[key] === undefined || results[key] === null);
	if (results.timestamp < benchStarted) missing.push('a timestamp from this run');
	if (missing.length) console.error(`\n✗ bench/results.json lacks ${missing.join(', ')}`);
	benchOk = missing.length === 0;
}
if (benchOk) totals.passed += 1;
step('bench --quick', benchOk);

const e2eReport = `${reportDir}/e2e.json`;
run('End-to-end tests (Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
if (existsSync(e2eReport)) {
	const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
	totals.passed += stats.expected;
	totals.failed += stats.unexpected + (stats.flaky ?? 0);
} else totals.failed += 1;

console.log('\nSummary');
for (const [name, ok] of steps) console.log(`  ${ok ? '✓' : '✗'} ${name}`);
console.log(`  unit ${unit.passed}/${unit.passed + unit.failed}, integration ${integration.passed}/${integration.passed + integration.failed} (PostgreSQL ${onPostgres})`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
