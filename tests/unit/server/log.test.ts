import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, withRequestId } from '../../../src/lib/server/log';

const lines = () => (console.log as unknown as { mock: { calls: string[][] } }).mock.calls.map(([line]) => JSON.parse(line));

describe('structured log', () => {
	afterEach(() => vi.restoreAllMocks());

	it('writes one JSON object per line, carrying the id of the request being served', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		await withRequestId('req-1', async () => {
			await Promise.resolve();
			log.info('inside', { path: '/x' });
		});
		log.warn('outside');
		expect(lines()).toMatchObject([
			{ level: 'info', requestId: 'req-1', message: 'inside', path: '/x' },
			{ level: 'warn', message: 'outside' }
		]);
		expect(lines()[1].requestId).toBeUndefined();
	});

	it('never writes a field whose name says it is a secret', () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		log.info('careless', { password: 'hunter2hunter2', accessToken: 'rpt_abc', cookie: 'x=y', passed: true });
		const [line] = lines();
		expect(line).toMatchObject({ password: '[redacted]', accessToken: '[redacted]', cookie: '[redacted]', passed: true });
		expect(JSON.stringify(line)).not.toMatch(/hunter2|rpt_abc|x=y/);
	});
});
