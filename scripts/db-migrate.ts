// `npm run db:migrate`: applies pending migrations to DATABASE_URL and says what it did.
import { ConfigError, readConfig } from '../src/lib/server/config';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { openDatabase } from '../src/lib/server/db/open-database';

try {
	const database = await openDatabase(readConfig().database);
	const applied = await migrateToLatest(database.db);
	console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
	await database.close();
} catch (e) {
	console.error(`rapport: ${e instanceof ConfigError ? e.message : (e as Error).message}`);
	process.exit(1);
}
