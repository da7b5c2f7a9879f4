import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestReplies } from '../factories/best-path';
import { calibrationForm, expertCriterionScoresOf } from '../factories/calibration-scores';
import { sessionCaller, type ApiCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const CSR = 'customer-service-representative';
const STATUSES = ['locked', 'in_progress', 'earned', 'expired'];

/** Plays a scenario through the API choosing the best reply each turn; returns the attempt id. */
async function playBest(caller: ApiCaller, scenarioId: string, replies: { id: string }[], upTo = replies.length) {
	const { status, body } = await caller.post('/api/v1/attempts', { scenarioId });
	expect(status).toBe(201);
	for (let seq = 0; seq < upTo; seq++) {
		const step = await caller.post(`/api/v1/attempts/${body.id}/steps`, { seq, optionId: replies[seq].id });
		expect(step.status, JSON.stringify(step.body)).toBe(200);
	}
	return body.id as string;
}

const certification = (progress: any, id = CSR) => progress.certifications.find((c: any) => c.id === id);

describe.each(dialects)('progression endpoints %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let rep: ApiCaller;
	let billing: { id: string; text: string }[];

	beforeAll(async () => {
		server = await startTestServer(dialect);
		rep = await sessionCaller(server.url, 'rep@demo.test');
		billing = await bestReplies('billing-dispute');
	});
	afterAll(() => server?.stop());

	const anonymous = () => new HttpClient(server.url);
	const verify = async (credentialId: string) => {
		const jwks = await anonymous().json('/.well-known/jwks.json');
		const jwt = await (await anonymous().request(`/credentials/${credentialId}.jwt`)).text();
		return jwtVerify(jwt, createLocalJWKSet(jwks.body), { algorithms: ['EdDSA'] });
	};

	it(`${label} GET /api/v1/me/progress answers 401 without sign-in`, async () => {
		const { status, body } = await anonymous().json('/api/v1/me/progress');
		expect(status).toBe(401);
		expect(body).toEqual({ error: expect.any(String) });
	});

	it(`${label} the demo rep's progress has exactly the promised shape, with an earned Representative credential`, async () => {
		const { status, body } = await rep.json('/api/v1/me/progress');
		expect(status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['badges', 'certifications', 'level', 'xp']);
		expect(body.xp).toBeGreaterThan(0);
		expect(body.level).toBeGreaterThanOrEqual(2);
		for (const c of body.certifications) {
			expect(Object.keys(c).sort()).toEqual(['credentialId', 'id', 'requirements', 'status', 'title']);
			expect(STATUSES).toContain(c.status);
		}
		expect(certification(body)).toMatchObject({ status: 'earned', credentialId: expect.any(String) });
		expect(certification(body, 'senior-representative').status).toBe('in_progress');
		expect(certification(body, 'team-lead').status).toBe('locked');
	});

	it(`${label} serves the credential publicly as Open Badges JSON and as a JWT that verifies against the JWKS`, async () => {
		const { credentialId } = certification((await rep.json('/api/v1/me/progress')).body);
		const json = await anonymous().json(`/credentials/${credentialId}.json`);
		expect(json.status).toBe(200);
		expect(json.body.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(json.body.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], name: 'Customer Service Representative' });
		const { payload, protectedHeader } = await verify(credentialId);
		expect(protectedHeader.alg).toBe('EdDSA');
		expect(payload).toMatchObject({ jti: json.body.id, iss: json.body.issuer.id, name: json.body.name });
		// The issuer profile and the achievement the credential names by URL resolve too.
		for (const id of [json.body.issuer.id, json.body.credentialSubject.achievement.id]) {
			expect((await anonymous().json(new URL(id).pathname)).status, id).toBe(200);
		}
		const keys = (await anonymous().json('/.well-known/jwks.json')).body.keys;
		for (const key of keys) expect(key).not.toHaveProperty('d');
	});

	it(`${label} shows the public verification page without sign-in`, async () => {
		const { credentialId } = certification((await rep.json('/api/v1/me/progress')).body);
		const response = await anonymous().request(`/credentials/${credentialId}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Ray Esposito');
		expect(html).toContain('Valid');
		expect(html).toContain('/.well-known/jwks.json');
	});

	it(`${label} answers 404 for a credential that does not exist`, async () => {
		const { status, body } = await anonymous().json('/credentials/00000000-0000-4000-8000-000000000000.json');
		expect(status).toBe(404);
		expect(body).toEqual({ error: expect.any(String) });
		expect((await anonymous().request('/credentials/00000000-0000-4000-8000-000000000000')).status).toBe(404);
	});

	it(`${label} a new hire earns the Representative certificate by playing, with XP for each attempt`, async () => {
		const hire = await sessionCaller(server.url, 'new.hire@demo.test');
		const before = (await hire.json('/api/v1/me/progress')).body;
		expect(before).toMatchObject({ xp: 0, level: 1, badges: [] });
		expect(certification(before)).toMatchObject({ status: 'in_progress', credentialId: null });
		await playBest(hire, 'billing-dispute', billing);
		const halfway = (await hire.json('/api/v1/me/progress')).body;
		expect(certification(halfway).status).toBe('in_progress');
		expect(halfway.xp).toBeGreaterThan(0);
		await playBest(hire, 'billing-dispute', billing);
		const after = (await hire.json('/api/v1/me/progress')).body;
		expect(after.xp).toBeGreaterThan(halfway.xp);
		expect(certification(after)).toMatchObject({ status: 'earned', credentialId: expect.any(String) });
		expect(certification(after).requirements.every((r: any) => r.met)).toBe(true);
		expect((await verify(certification(after).credentialId)).payload.credentialSubject).toMatchObject({ type: ['AchievementSubject'] });
	});

	it(`${label} a learner who opts out of the leaderboard disappears from colleagues' boards`, async () => {
		const hire = new HttpClient(server.url);
		await hire.signIn('new.hire@demo.test');
		const onRepsBoard = async () => (await (await rep.request('/leaderboard')).text()).includes('Noor Haddad');
		expect(await onRepsBoard()).toBe(true);
		expect((await hire.submit('/leaderboard?/visibility', { visibility: 'hidden' })).status).toBe(200);
		expect(await onRepsBoard()).toBe(false);
		expect((await hire.submit('/leaderboard?/visibility', { visibility: 'nonsense' })).status).toBe(400);
	});

	it(`${label} a calibration within tolerance of the expert meets the requirement`, async () => {
		const browser = new HttpClient(server.url);
		await browser.signIn('rep@demo.test');
		const path = '/progress/calibration/team-lead/calibrate-billing-call';
		expect((await browser.request(path)).status).toBe(200);
		expect((await browser.submit(`${path}?/submit`, { score: '101' })).status).toBe(400);
		// Scored criterion by criterion: each 3 points above the expert is within tolerance and unflagged.
		const criteria = await expertCriterionScoresOf('team-lead', 'calibrate-billing-call');
		const answer = await browser.submit(`${path}?/submit`, calibrationForm(criteria, () => 3));
		expect(answer.status).toBe(200);
		expect(await answer.text()).toContain('Calibrated');
		const requirement = certification((await rep.json('/api/v1/me/progress')).body, 'team-lead').requirements.find((r: any) => r.id === 'calibrate-billing-call');
		expect(requirement.met).toBe(true);
	});

	it(`${label} admins revoke a credential with a reason; learners cannot`, async () => {
		const { credentialId } = certification((await rep.json('/api/v1/me/progress')).body);
		const learner = new HttpClient(server.url);
		await learner.signIn('mina.cho@demo.test');
		expect((await learner.submit('/admin/credentials?/revoke', { id: credentialId, reason: 'testing' })).status).toBe(403);
		const admin = new HttpClient(server.url);
		await admin.signIn('admin@demo.test');
		expect((await admin.submit('/admin/credentials?/revoke', { id: credentialId, reason: '' })).status).toBe(400);
		expect((await admin.submit('/admin/credentials?/revoke', { id: credentialId, reason: 'Issued in error' })).status).toBe(200);
		const page = await (await anonymous().request(`/credentials/${credentialId}`)).text();
		expect(page).toContain('Revoked');
		expect(page).toContain('Issued in error');
		expect((await admin.submit('/admin/credentials?/revoke', { id: credentialId, reason: 'Again' })).status).toBe(409);
		// Revoked means the track has to be earned again with new attempts.
		expect(certification((await rep.json('/api/v1/me/progress')).body)).toMatchObject({ status: 'in_progress', credentialId: null });
	});
});
