import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { findUserByEmail } from '../../src/lib/server/db/users';
import { configureIssuer } from '../../src/lib/server/progression/credentials-signing';
import { issueCertificate } from '../../src/lib/server/progression/issue-certificate';
import { loadOrCreateSigningKey } from '../../src/lib/server/progression/signing-key';
import { bestReplies, shippedLibrary } from '../factories/best-path';
import { sessionCaller } from './support/api-callers';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const CSR = 'customer-service-representative';

describe.each(dialects)('issuing a certificate at most once %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	const certificatesOf = async (email: string) => {
		const { user } = (await findUserByEmail(database.db, email))!;
		return database.db.selectFrom('certification').innerJoin('credential', 'credential.certification_id', 'certification.id')
			.select(['certification.cycle', 'credential.id']).where('certification.user_id', '=', user.id).where('certification.track_id', '=', CSR).execute();
	};

	it(`${label} attempts that finish at the same moment issue one certificate between them`, async () => {
		const hire = await sessionCaller(server.url, 'new.hire@demo.test');
		const replies = await bestReplies('billing-dispute');
		const last = replies.length - 1;
		// Three attempts, each one reply from its end, then all final replies at once.
		const ids: string[] = [];
		for (let i = 0; i < 3; i++) {
			const { body } = await hire.post('/api/v1/attempts', { scenarioId: 'billing-dispute' });
			for (let seq = 0; seq < last; seq++) expect((await hire.post(`/api/v1/attempts/${body.id}/steps`, { seq, optionId: replies[seq].id })).status).toBe(200);
			ids.push(body.id);
		}
		const finals = await Promise.all(ids.map((id) => hire.post(`/api/v1/attempts/${id}/steps`, { seq: last, optionId: replies[last].id })));
		for (const f of finals) expect(f.body.status).toBe('passed');
		expect(await certificatesOf('new.hire@demo.test')).toHaveLength(1);
		const progress = (await hire.json('/api/v1/me/progress')).body;
		expect(progress.certifications.find((c: { id: string }) => c.id === CSR).status).toBe('earned');
	});

	it(`${label} racing issuers of the same cycle store exactly one certificate and one credential`, async () => {
		configureIssuer({ origin: server.url, name: 'Rapport', key: await loadOrCreateSigningKey(mkdtempSync(join(tmpdir(), 'rapport-key-'))) });
		const { user } = (await findUserByEmail(database.db, 'diego.ramos@demo.test'))!;
		const before = (await certificatesOf(user.email)).length;
		const track = (await shippedLibrary()).tracks.find((t) => t.id === CSR)!;
		const cycle = before + 1;
		const now = new Date().toISOString();
		const results = await Promise.all(
			Array.from({ length: 6 }, () =>
				issueCertificate(database.db, { holder: user, track, cycle, earnedAt: now, expiresAt: new Date(Date.now() + 86_400_000).toISOString() })
			)
		);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await certificatesOf(user.email)).toHaveLength(before + 1);
	});
});
