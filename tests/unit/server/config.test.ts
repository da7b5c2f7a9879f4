import { describe, expect, it } from 'vitest';
import { ConfigError, parseDatabaseUrl, readConfig } from '../../../src/lib/server/config';

const configError = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e as ConfigError;
	}
	throw new Error('expected a ConfigError');
};

describe('readConfig', () => {
	it('defaults to the embedded SQLite file, demo data and the content folder', () => {
		const config = readConfig({});
		expect(config.database).toEqual({ dialect: 'sqlite', file: './data/rapport.db' });
		expect(config.dataDir).toBe('./data');
		expect(config.seedDemo).toBe(true);
		expect(config.contentDir).toBe('content');
		expect(config.oidc).toBeUndefined();
	});

	it("syncs SQLite commits the WAL 'normal' way unless told 'full', and names a bad value", () => {
		expect(readConfig({}).sqliteSync).toBe('normal');
		expect(readConfig({ SQLITE_SYNCHRONOUS: 'FULL' }).sqliteSync).toBe('full');
		expect(configError(() => readConfig({ SQLITE_SYNCHRONOUS: 'off' })).variable).toBe('SQLITE_SYNCHRONOUS');
	});

	it('reads a PostgreSQL URL', () => {
		expect(readConfig({ DATABASE_URL: 'postgres://u@db:5432/rapport' }).database).toEqual({
			dialect: 'postgres',
			url: 'postgres://u@db:5432/rapport'
		});
	});

	it('names DATABASE_URL when the scheme is not supported', () => {
		const e = configError(() => parseDatabaseUrl('mysql://x'));
		expect(e.variable).toBe('DATABASE_URL');
		expect(e.message).toMatch(/^DATABASE_URL: must start with file: or postgres:\/\//);
	});

	it('refuses a file: URL without a path', () => {
		expect(configError(() => parseDatabaseUrl('file:')).variable).toBe('DATABASE_URL');
	});

	it('turns demo seeding off with SEED_DEMO=false and refuses other words', () => {
		expect(readConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
		expect(configError(() => readConfig({ SEED_DEMO: 'maybe' })).variable).toBe('SEED_DEMO');
	});

	it('enables single sign-on only with all three OIDC variables', () => {
		const full = { OIDC_ISSUER: 'https://id.example.test', OIDC_CLIENT_ID: 'rapport', OIDC_CLIENT_SECRET: 's' };
		expect(readConfig(full).oidc?.clientId).toBe('rapport');
		expect(configError(() => readConfig({ ...full, OIDC_CLIENT_SECRET: '' })).variable).toBe('OIDC_CLIENT_SECRET');
		expect(configError(() => readConfig({ ...full, OIDC_ISSUER: 'not a url' })).variable).toBe('OIDC_ISSUER');
	});

	it('keeps the data folder beside the SQLite file', () => {
		expect(readConfig({ DATABASE_URL: 'file:/var/lib/rapport/main.db' }).dataDir).toBe('/var/lib/rapport');
	});
});
