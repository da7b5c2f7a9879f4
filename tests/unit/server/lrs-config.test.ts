import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/lib/server/config';

const errorFor = (env: NodeJS.ProcessEnv) => {
	try {
		readConfig(env);
	} catch (e) {
		return e as ConfigError;
	}
	throw new Error('expected a ConfigError');
};

describe('LRS forwarding settings', () => {
	it('are off without LRS_ENDPOINT', () => {
		expect(readConfig({}).lrs).toBeUndefined();
	});
	it('take the documented defaults when only LRS_ENDPOINT is set', () => {
		expect(readConfig({ LRS_ENDPOINT: 'https://lrs.example.com/xapi' }).lrs).toEqual({
			endpoint: 'https://lrs.example.com/xapi',
			username: undefined,
			password: undefined,
			batchSize: 50,
			pollMs: 1000,
			retryBaseMs: 1000,
			retryMaxMs: 300_000,
			keepSentDays: 30
		});
	});
	it('read the credentials and knobs', () => {
		const lrs = readConfig({ LRS_ENDPOINT: 'http://lrs:8080', LRS_USERNAME: 'key', LRS_PASSWORD: 'secret', LRS_BATCH_SIZE: '10', LRS_POLL_INTERVAL_MS: '250' }).lrs;
		expect(lrs).toMatchObject({ username: 'key', password: 'secret', batchSize: 10, pollMs: 250 });
	});
	it('refuse an endpoint that is not an http(s) URL, naming the variable', () => {
		expect(errorFor({ LRS_ENDPOINT: 'ftp://lrs.example.com' }).variable).toBe('LRS_ENDPOINT');
		expect(errorFor({ LRS_ENDPOINT: 'not a url' }).variable).toBe('LRS_ENDPOINT');
	});
	it('refuse a batch size outside 1–500 or a knob that is not a whole number', () => {
		expect(errorFor({ LRS_ENDPOINT: 'http://lrs', LRS_BATCH_SIZE: '0' }).variable).toBe('LRS_BATCH_SIZE');
		expect(errorFor({ LRS_ENDPOINT: 'http://lrs', LRS_BATCH_SIZE: '501' }).variable).toBe('LRS_BATCH_SIZE');
		expect(errorFor({ LRS_ENDPOINT: 'http://lrs', LRS_RETRY_MAX_MS: '1.5' }).message).toContain('whole number');
	});
	it('keep sent statements 0–3650 days, naming LRS_KEEP_SENT_DAYS otherwise', () => {
		expect(readConfig({ LRS_ENDPOINT: 'http://lrs', LRS_KEEP_SENT_DAYS: '0' }).lrs?.keepSentDays).toBe(0);
		expect(readConfig({ LRS_ENDPOINT: 'http://lrs', LRS_KEEP_SENT_DAYS: '365' }).lrs?.keepSentDays).toBe(365);
		expect(errorFor({ LRS_ENDPOINT: 'http://lrs', LRS_KEEP_SENT_DAYS: '-1' }).variable).toBe('LRS_KEEP_SENT_DAYS');
		expect(errorFor({ LRS_ENDPOINT: 'http://lrs', LRS_KEEP_SENT_DAYS: '3651' }).variable).toBe('LRS_KEEP_SENT_DAYS');
		expect(errorFor({ LRS_ENDPOINT: 'http://lrs', LRS_KEEP_SENT_DAYS: 'a month' }).variable).toBe('LRS_KEEP_SENT_DAYS');
	});
});
