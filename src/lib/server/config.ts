import { z } from 'zod';

/** A bad setting stops start-up with one line that names the variable. */
export class ConfigError extends Error {
	constructor(
		readonly variable: string,
		message: string
	) {
		super(`${variable}: ${message}`);
	}
}

export type DatabaseConfig =
	| { dialect: 'sqlite'; file: string }
	| { dialect: 'postgres'; url: string };

/** How SQLite syncs a commit to disk (SQLITE_SYNCHRONOUS); see docs/operations.md. */
export type SqliteSync = 'normal' | 'full';

export interface AppConfig {
	database: DatabaseConfig;
	sqliteSync: SqliteSync;
	dataDir: string;
	contentDir: string;
	seedDemo: boolean;
	/** Where people reach the app (ORIGIN); credentials name their issuer and pages by it. */
	publicOrigin: string;
	authSecret?: string;
	oidc?: { issuer: string; clientId: string; clientSecret: string };
	lrs?: LrsConfig;
	/** Sign-in rate limiting: the failure-counting window and the first account lock, in seconds. */
	signInLimit: { windowS?: number; lockS?: number };
	/** How many days after finishing an attempt its learner may appeal the score (APPEAL_WINDOW_DAYS). */
	appealWindowDays: number;
}

/** Forwarding xAPI statements to an LRS (on when LRS_ENDPOINT is set). */
export interface LrsConfig {
	endpoint: string;
	username?: string;
	password?: string;
	batchSize: number;
	pollMs: number;
	retryBaseMs: number;
	retryMaxMs: number;
	/** How many days statements the LRS accepted stay in the outbox before they are deleted. */
	keepSentDays: number;
}

const Bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

export const parseDatabaseUrl = (raw: string): DatabaseConfig => {
	if (raw.startsWith('file:')) {
		const file = raw.slice('file:'.length);
		if (!file) throw new ConfigError('DATABASE_URL', 'a file: URL needs a path, e.g. file:./data/rapport.db');
		return { dialect: 'sqlite', file };
	}
	if (/^postgres(ql)?:\/\//.test(raw)) {
		try {
			new URL(raw);
		} catch {
			throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
		}
		return { dialect: 'postgres', url: raw };
	}
	throw new ConfigError('DATABASE_URL', `must start with file: or postgres:// (got "${raw.slice(0, 40)}")`);
};

const dirOf = (database: DatabaseConfig) => {
	if (database.dialect !== 'sqlite' || database.file === ':memory:') return './data';
	const slash = database.file.lastIndexOf('/');
	return slash > 0 ? database.file.slice(0, slash) : '.';
};

const readBool = (env: NodeJS.ProcessEnv, name: string, fallback: boolean) => {
	const raw = env[name]?.trim().toLowerCase();
	if (!raw) return fallback;
	const parsed = Bool.safeParse(raw);
	if (!parsed.success) throw new ConfigError(name, 'must be true or false');
	return parsed.data;
};

const readOidc = (env: NodeJS.ProcessEnv): AppConfig['oidc'] => {
	const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
	const set = names.filter((n) => env[n]);
	if (set.length === 0) return undefined;
	const missing = names.find((n) => !env[n]);
	if (missing) throw new ConfigError(missing, `is required when ${set.join(' and ')} is set`);
	if (!z.url().safeParse(env.OIDC_ISSUER).success) throw new ConfigError('OIDC_ISSUER', 'must be a URL');
	return { issuer: env.OIDC_ISSUER!, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET! };
};

const readPositiveInt = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
	const raw = env[name]?.trim();
	if (!raw) return undefined;
	if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ConfigError(name, 'must be a whole number above 0');
	return Number(raw);
};

const readOrigin = (env: NodeJS.ProcessEnv): string => {
	const origin = env.ORIGIN?.trim();
	if (origin && !/^https?:\/\//.test(origin)) throw new ConfigError('ORIGIN', 'must be an http(s) URL, like https://rapport.example.com');
	if (origin && !z.url().safeParse(origin).success) throw new ConfigError('ORIGIN', 'is not a valid URL');
	return (origin || `http://localhost:${env.PORT?.trim() || 3000}`).replace(/\/+$/, '');
};

const readInt = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => {
	const raw = env[name]?.trim();
	if (!raw) return fallback;
	const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
	if (!parsed.success) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
	return parsed.data;
};

const readLrs = (env: NodeJS.ProcessEnv): LrsConfig | undefined => {
	const endpoint = env.LRS_ENDPOINT?.trim();
	if (!endpoint) return undefined;
	if (!/^https?:\/\//.test(endpoint) || !z.url().safeParse(endpoint).success) throw new ConfigError('LRS_ENDPOINT', 'must be an http(s) URL');
	return {
		endpoint,
		username: env.LRS_USERNAME,
		password: env.LRS_PASSWORD,
		batchSize: readInt(env, 'LRS_BATCH_SIZE', 50, 1, 500),
		pollMs: readInt(env, 'LRS_POLL_INTERVAL_MS', 1000, 10, 600_000),
		retryBaseMs: readInt(env, 'LRS_RETRY_BASE_MS', 1000, 10, 600_000),
		retryMaxMs: readInt(env, 'LRS_RETRY_MAX_MS', 300_000, 10, 86_400_000),
		keepSentDays: readInt(env, 'LRS_KEEP_SENT_DAYS', 30, 0, 3650)
	};
};

const readAppealWindow = (env: NodeJS.ProcessEnv): number => {
	const raw = env.APPEAL_WINDOW_DAYS?.trim();
	if (!raw) return 14;
	const days = z.coerce.number().int().min(0).max(3650).safeParse(raw);
	if (!days.success) throw new ConfigError('APPEAL_WINDOW_DAYS', 'must be a whole number of days from 0 to 3650');
	return days.data;
};

const readSqliteSync = (env: NodeJS.ProcessEnv): SqliteSync => {
	const raw = env.SQLITE_SYNCHRONOUS?.trim().toLowerCase();
	if (!raw) return 'normal';
	if (raw === 'normal' || raw === 'full') return raw;
	throw new ConfigError('SQLITE_SYNCHRONOUS', 'must be normal or full');
};

export const readConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
	const database = parseDatabaseUrl(env.DATABASE_URL?.trim() || 'file:./data/rapport.db');
	return {
		database,
		sqliteSync: readSqliteSync(env),
		dataDir: env.DATA_DIR?.trim() || dirOf(database),
		contentDir: env.CONTENT_DIR?.trim() || 'content',
		seedDemo: readBool(env, 'SEED_DEMO', true),
		publicOrigin: readOrigin(env),
		authSecret: env.AUTH_SECRET?.trim() || undefined,
		oidc: readOidc(env),
		appealWindowDays: readAppealWindow(env),
		signInLimit: { windowS: readPositiveInt(env, 'SIGN_IN_WINDOW_SECONDS'), lockS: readPositiveInt(env, 'SIGN_IN_LOCK_SECONDS') },
		lrs: readLrs(env)
	};
};
