/** Structured one-line JSON logs. Never pass passwords, tokens or cookies in `fields`. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const write = (level: 'info' | 'warn' | 'error', message: string, fields: LogFields = {}) => {
	if (process.env.LOG_LEVEL === 'silent') return;
	const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
	(level === 'error' ? console.error : console.log)(line);
};

export const log = {
	info: (message: string, fields?: LogFields) => write('info', message, fields),
	warn: (message: string, fields?: LogFields) => write('warn', message, fields),
	error: (message: string, fields?: LogFields) => write('error', message, fields)
};
