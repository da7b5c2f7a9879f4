import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A secret read from the data folder, generated on first use. Several instances on one PostgreSQL
 * database must share it, so operators set AUTH_SECRET there instead (docs/operations.md).
 */
export function readOrCreateSecretFile(dataDir: string, name: string, log: (line: string) => void): string {
	const file = join(dataDir, name);
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dataDir, { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
	log(`AUTH_SECRET is not set: generated one into ${file} (set AUTH_SECRET in production)`);
	return secret;
}
