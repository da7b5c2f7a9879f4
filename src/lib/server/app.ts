import { readConfig, type AppConfig } from './config';
import { migrateToLatest } from './db/migrate';
import { openDatabase, type AppDatabase } from './db/open-database';
import { syncContentFolder } from './content/sync-content';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { log } from './log';
import { setUpCredentialIssuer } from './progression/setup-issuer';
import { readOrCreateSecretFile } from './secrets';
import { setOutboxEnabled } from './db/xapi-outbox';
import { startForwarder } from './xapi/forwarder';
import { startOutboxPruner } from './xapi/outbox-pruner';
import { backfillScenarioAnalyticsIfEmpty } from './studio/analytics-rebuild';
import { backfillAttemptCriteriaIfEmpty } from './db/attempt-criteria';
import { backfillCriterionWindows } from './db/criterion-windows';

export interface App {
	config: AppConfig;
	database: AppDatabase;
	authSecret: string;
}

let booting: Promise<App> | undefined;
let booted: App | undefined;

async function boot(env: NodeJS.ProcessEnv): Promise<App> {
	const config = readConfig(env);
	const database = await openDatabase(config.database, { sqliteSync: config.sqliteSync, sqliteCheckpoints: 'background' });
	const applied = await migrateToLatest(database.db);
	if (applied.length) log.info('database migrated', { applied: applied.join(',') });
	const authSecret =
		config.authSecret ?? readOrCreateSecretFile(config.dataDir, 'auth-secret', (line) => log.warn(line));
	// Before the demo seed: its history earns a certificate, which must be signed.
	await setUpCredentialIssuer(database.db, config.dataDir, config.publicOrigin);
	const content = await syncContentFolder(database.db, config.contentDir);
	log.info('content loaded', { added: content.added.length, unchanged: content.unchanged, problems: content.problems.length });
	// Before the demo seed, so its history reaches the LRS like any other.
	setOutboxEnabled(config.lrs !== undefined);
	if (config.seedDemo) await seedDemoIfEmpty(database.db);
	// Attempts finished before analytics existed are counted once, by replay.
	if (await backfillScenarioAnalyticsIfEmpty(database.db)) log.info('scenario analytics rebuilt from existing attempts');
	// Scores stored before the criterion roll-up existed are copied into it once, a page at a time.
	const criteria = await backfillAttemptCriteriaIfEmpty(database.db);
	if (criteria) log.info('criterion scores rolled up from existing attempts', { attempts: criteria });
	// Then each learner's heatmap window, built from those rows.
	const windows = await backfillCriterionWindows(database.db);
	if (windows) log.info('heatmap windows built from existing attempts', { learners: windows });
	if (config.lrs) {
		const { lrs } = config;
		const forwarder = startForwarder(database.db, {
			...lrs,
			origin: config.publicOrigin,
			retry: { baseMs: lrs.retryBaseMs, maxMs: lrs.retryMaxMs },
			skipLocked: database.dialect === 'postgres'
		});
		const pruner = startOutboxPruner(database.db, { keepDays: lrs.keepSentDays });
		// adapter-node emits this after a SIGTERM/SIGINT has closed the server: finish the batch in flight.
		process.once('sveltekit:shutdown', () => void Promise.all([forwarder.stop(), pruner.stop()]));
	}
	return { config, database, authSecret };
}

/** Starts the app once: config, database, migrations, content, demo data. Idempotent. */
export function bootApp(env: NodeJS.ProcessEnv = process.env): Promise<App> {
	booting ??= boot(env).then((app) => (booted = app));
	return booting;
}

/** The running app; only valid after bootApp (the server's init hook) has finished. */
export function app(): App {
	if (!booted) throw new Error('Rapport has not finished starting');
	return booted;
}

export const db = () => app().database.db;
