import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { createTestDatabase, dialectLabel, dialects } from './support/test-database';
import { startTestServer } from './support/test-server';

const serveWith = (env: Record<string, string>) =>
	spawnSync(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: '0', ...env }, encoding: 'utf8', timeout: 20_000 });

describe('start-up with a bad DATABASE_URL', () => {
	it('stops with one line naming the variable and exit code 1 for a malformed URL', () => {
		const run = serveWith({ DATABASE_URL: 'mysql://nope' });
		expect(run.status).toBe(1);
		const lines = run.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^rapport: DATABASE_URL: /);
	});

	it('stops with one line and exit code 1 for an unreachable PostgreSQL server', () => {
		const run = serveWith({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
		expect(run.status).toBe(1);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/DATABASE_URL: database unreachable/);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
});

describe.each(dialects)('repeated start-up %s', (dialect) => {
	const cleanups: (() => Promise<void>)[] = [];
	afterAll(async () => {
		for (const c of cleanups) await c();
	});

	it(`${dialectLabel(dialect)} changes no data on a second start`, async () => {
		const database = await createTestDatabase(dialect);
		cleanups.push(database.drop);
		const first = await startTestServer(dialect, { database });
		const client = new HttpClient(first.url);
		await client.signIn('rep@demo.test');
		expect((await client.request('/')).status).toBe(200);
		await first.stop();
		const second = await startTestServer(dialect, { database });
		expect(second.output()).not.toContain('demo organisation seeded');
		expect(second.output()).not.toContain('database migrated');
		const again = new HttpClient(second.url);
		expect((await again.signIn('rep@demo.test')).status).toBe(302);
		await second.stop();
		// Two cold starts, the first seeding the demo history through the real attempt service.
	}, 90_000);

	it(`${dialectLabel(dialect)} starts with no demo data when SEED_DEMO=false`, async () => {
		const server = await startTestServer(dialect, { env: { SEED_DEMO: 'false' } });
		cleanups.push(server.stop);
		expect(server.output()).not.toContain('demo organisation seeded');
		const response = await new HttpClient(server.url).signIn('rep@demo.test');
		expect(response.headers.get('location')).toContain('error=');
	}, 60_000);
});
