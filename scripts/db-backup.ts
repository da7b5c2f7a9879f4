// `npm run db:backup [FILE]`: an online backup while the app keeps serving.
// SQLite: the SQLite backup API (consistent even mid-write). PostgreSQL: pg_dump in custom format.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { ConfigError, readConfig } from '../src/lib/server/config';

const stamp = new Date().toISOString().replace(/[:.]/g, '-');

try {
	const config = readConfig();
	const target = process.argv[2] ?? join(config.dataDir, 'backups', `rapport-${stamp}.${config.database.dialect === 'sqlite' ? 'db' : 'dump'}`);
	mkdirSync(dirname(target), { recursive: true });
	if (config.database.dialect === 'sqlite') {
		const source = new SQLite(config.database.file, { fileMustExist: true, readonly: true });
		await source.backup(target);
		source.close();
		const check = new SQLite(target, { readonly: true });
		const integrity = check.pragma('integrity_check', { simple: true });
		check.close();
		if (integrity !== 'ok') throw new Error(`the backup failed its integrity check: ${integrity}`);
	} else {
		const dump = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, config.database.url], { encoding: 'utf8' });
		if (dump.error || dump.status !== 0) throw new Error(`pg_dump failed: ${dump.error?.message ?? dump.stderr.trim()}`);
	}
	console.log(`backup written to ${target}`);
} catch (e) {
	console.error(`rapport: ${e instanceof ConfigError ? e.message : (e as Error).message}`);
	process.exit(1);
}
