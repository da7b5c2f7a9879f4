import { AsyncLocalStorage } from 'node:async_hooks';

/** Structured one-line JSON logs. Never pass passwords, tokens or cookies in `fields`. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** The request being served, so every line written while serving it carries its id. */
const context = new AsyncLocalStorage<{ requestId: string }>();

export const withRequestId = <T>(requestId: string, work: () => T): T => context.run({ requestId }, work);

// A second line of defence: a field with a secret-sounding name is never written, whoever passes it.
const SECRET_FIELD = /password|passphrase|secret|token|cookie|authorization/i;

const write = (level: 'info' | 'warn' | 'error', message: string, fields: LogFields = {}) => {
	if (process.env.LOG_LEVEL === 'silent') return;
	const safe = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : v]));
	const line = JSON.stringify({ level, time: new Date().toISOString(), requestId: context.getStore()?.requestId, message, ...safe });
	(level === 'error' ? console.error : console.log)(line);
};

export const log = {
	info: (message: string, fields?: LogFields) => write('info', message, fields),
	warn: (message: string, fields?: LogFields) => write('warn', message, fields),
	error: (message: string, fields?: LogFields) => write('error', message, fields)
};
