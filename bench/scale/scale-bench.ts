import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccessToken } from '../../src/lib/server/db/tokens';
import { findUserByEmail } from '../../src/lib/server/db/users';
import { openMigrated, type BenchDatabase } from '../database';
import { startServer } from '../server';
import { postgresBulkWriter, sqliteBulkWriter } from './bulk-writer';
import { generateOrganisation, GENERATOR_VERSION, type OrgSize, type ScalePeople } from './generate';
import { timeFullDownload, timePage, type PageTiming } from './measure-pages';

export interface ScaleFigures {
	dialect: string;
	size: OrgSize;
	generatedSeconds: number | null;
	pages: PageTiming[];
	/** The slowest page's p95 as the client sees it (the whole body): `dashboard_client_p95_ms`. */
	slowestP95Ms: number;
	/** The slowest page's p95 server time, as the issue defines the goal: `dashboard_p95_ms`. */
	slowestServerP95Ms: number;
	fullExport: { seconds: number; bytes: number } | null;
	rssMb: number | undefined;
}

/**
 * A page's p95 server time: its Server-Timing figure, which covers the whole page since a page is
 * rendered before its headers leave. A streamed answer (the export) sends its headers before the
 * first row, so for it the client's time to the first chunk stands in: it can only overstate.
 */
export const serverTimeP95 = (page: PageTiming) => (page.measures === 'first byte' || page.serverP95Ms === null ? page.p95Ms : page.serverP95Ms);

type Marker = { key: string; people: ScalePeople; generatedSeconds: number };

const MIGRATIONS = fileURLToPath(new URL('../../src/lib/server/db/migrations/', import.meta.url));

/** The migrations as they are now: a database made under other ones (a filled-in stub) is made again. */
const migrationsHash = () => {
	const hash = createHash('sha256');
	for (const file of readdirSync(MIGRATIONS).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS, file)));
	return hash.digest('hex').slice(0, 12);
};

/**
 * The cache key: generator version, size and migrations, and the day, since the data is dated back
 * from the day it was made (this week's leaderboard, the team view's last 90 days).
 */
export const cacheKey = (size: OrgSize) =>
	`v${GENERATOR_VERSION}-${size.learners}-${size.teams}-${size.attempts}-${migrationsHash()}-${new Date().toISOString().slice(0, 10)}`;

/** Makes (or reuses) the large organisation in `database`, then times each page on a production server. */
export async function benchScale(
	database: BenchDatabase,
	size: OrgSize,
	options: { samples: number; fullExport: boolean; routeExists: (id: string) => boolean; regenerate: (key: string) => Promise<void> },
	log: (line: string) => void
): Promise<ScaleFigures> {
	const markerFile = join(database.dataDir, 'scale.json');
	const key = cacheKey(size);
	let marker: Marker | null = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, 'utf8')) as Marker) : null;
	let generatedSeconds: number | null = null;
	if (marker?.key !== key) {
		log(`generating ${size.learners.toLocaleString('en')} learners in ${size.teams} teams with ${size.attempts.toLocaleString('en')} attempts (${database.dialect})…`);
		await options.regenerate(key);
		const started = performance.now();
		const opened = await openMigrated(database);
		const writer = database.dialect === 'sqlite' ? sqliteBulkWriter(database.url.slice('file:'.length)) : await postgresBulkWriter(database.url);
		const people = await generateOrganisation(opened.db, writer, size, log);
		await opened.close();
		generatedSeconds = Math.round((performance.now() - started) / 1000);
		marker = { key, people, generatedSeconds };
		writeFileSync(markerFile, JSON.stringify(marker, null, 2));
		log(`generated in ${generatedSeconds} s`);
	} else log(`reusing the generated organisation in ${database.dialect === 'sqlite' ? database.url : 'PostgreSQL'} (${key})`);
	const people = marker.people;

	// Tokens through the app's repository; the server then sees ordinary personal access tokens.
	const opened = await openMigrated(database);
	const tokenOf = async (email: string) => {
		const found = await findUserByEmail(opened.db, email);
		if (!found) throw new Error(`no ${email} in the generated organisation`);
		return (await createAccessToken(opened.db, found.user.id, 'bench')).secret;
	};
	const [lead, learner, admin, trainer] = [await tokenOf(people.leadEmail), await tokenOf(people.busiestLearnerEmail), await tokenOf(people.adminEmail), await tokenOf(people.trainerEmail)];
	await opened.close();

	const server = await startServer(database.url, database.dataDir);
	try {
		const pages: PageTiming[] = [];
		const time = async (page: string, token: string, path: string, firstByte = false) => {
			const timing = await timePage(server.url, token, page, path, options.samples, firstByte);
			log(`  ${page}: p95 ${timing.p95Ms} ms${timing.serverP95Ms !== null ? ` (server ${timing.serverP95Ms} ms)` : ''}, ${timing.bytes.toLocaleString('en')} bytes`);
			pages.push(timing);
		};
		await time('team dashboard', lead, '/team');
		// An admin's team view: the team picker over every team, and the first team's people.
		await time('team dashboard, admin', admin, '/team');
		await time('leaderboard', learner, '/leaderboard');
		await time(`progress (${people.busiestLearnerAttempts} attempts)`, learner, '/progress');
		if (options.routeExists('/(app)/studio/scenarios/[id]/analytics')) await time('scenario analytics', trainer, `/studio/scenarios/${people.scenarioId}/analytics`);
		else log('  scenario analytics: not in this build, not measured');
		await time('results export (first page)', admin, '/admin/export/attempts.csv', true);
		const fullExport = options.fullExport ? await timeFullDownload(server.url, admin, '/admin/export/attempts.csv') : null;
		if (fullExport) log(`  results export, whole file: ${fullExport.seconds} s, ${fullExport.bytes.toLocaleString('en')} bytes`);
		return {
			dialect: database.dialect,
			size,
			generatedSeconds: generatedSeconds ?? marker.generatedSeconds,
			pages,
			slowestP95Ms: Math.max(...pages.map((p) => p.p95Ms)),
			slowestServerP95Ms: Math.max(...pages.map(serverTimeP95)),
			fullExport,
			rssMb: server.rssMb()
		};
	} finally {
		await server.stop();
	}
}
