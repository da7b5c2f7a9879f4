import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptEvents, findAttempt, insertAttempt } from '../../src/lib/server/db/attempts';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { findUserByEmail } from '../../src/lib/server/db/users';
import { stateOf } from '../../src/lib/server/play/attempt-service';
import { loadRuntime } from '../../src/lib/server/play/scenario-runtime';
import { bestReplies } from '../factories/best-path';
import { sessionCaller, type ApiCaller } from './support/api-callers';
import { appealLinks } from './support/appeal-override';
import { signedInAs } from './support/admin-pages';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const CSR = 'customer-service-representative';
async function playLastOptions(caller: ApiCaller, attemptId: string) {
	let seq = 0;
	let turn = (await caller.json(`/api/v1/attempts/${attemptId}`)).body.turn;
	for (let i = 0; turn && i < 60; i++) ({ seq, turn } = (await caller.post(`/api/v1/attempts/${attemptId}/steps`, { seq, optionId: turn.options.at(-1).id })).body);
}

describe.each(dialects)('reviews, comments, appeals and overrides %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;
	let hireApi: ApiCaller;
	let hire: HttpClient;
	let lead: HttpClient;
	let otherLead: HttpClient;
	let trainer: HttpClient;
	let attemptId: string;
	let engineTotal: number;
	let appealId: string;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		hireApi = await sessionCaller(server.url, 'new.hire@demo.test');
		// A best-path attempt first: proficiency needs two attempts, so alone it earns no certificate.
		const best = (await hireApi.post('/api/v1/attempts', { scenarioId: 'billing-dispute' })).body;
		for (const [seq, reply] of (await bestReplies('billing-dispute')).entries()) await hireApi.post(`/api/v1/attempts/${best.id}/steps`, { seq, optionId: reply.id });
		// Then always the last option (a skipped identity check): together they fall short of the certificate.
		const { body } = await hireApi.post('/api/v1/attempts', { scenarioId: 'billing-dispute' });
		attemptId = body.id;
		await playLastOptions(hireApi, attemptId);
		engineTotal = (await hireApi.json(`/api/v1/attempts/${attemptId}`)).body.score.total;
		[hire, lead, otherLead, trainer] = await Promise.all(
			['new.hire@demo.test', 'lead@demo.test', 'grace.lead@demo.test', 'trainer@demo.test'].map((email) => signedInAs(new HttpClient(server.url), email))
		);
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	it(`${label} a lead's comment on a turn shows on the learner's debrief, as text, with a notification`, async () => {
		const said = await lead.submit(`/team/attempts/${attemptId}?/comment`, { turn: '1', body: 'Open with <b>empathy</b> before the refund.' });
		expect(said.status).toBe(200);
		const debrief = await (await hire.request(`/attempts/${attemptId}`)).text();
		expect(debrief).toContain('Coaching comments on turn 1');
		expect(debrief).toContain('Open with &lt;b>empathy&lt;/b> before the refund.');
		const notifications = await (await hire.request('/notifications')).text();
		expect(notifications).toContain('commented on turn 1 of your attempt');
		expect(notifications).toContain(`href="/attempts/${attemptId}"`);
		expect(notifications).toContain('1 unread');
	});

	it(`${label} marking notifications read clears the unread count`, async () => {
		await hire.submit('/notifications?/markAllRead', {});
		const page = await (await hire.request('/notifications')).text();
		expect(page).not.toContain('unread</span>');
		expect(page).not.toContain('Mark as read');
	});

	it(`${label} refuses comments that are empty or too long, and hides the attempt from other teams' leads and learners`, async () => {
		expect((await lead.submit(`/team/attempts/${attemptId}?/comment`, { turn: '1', body: 'x'.repeat(2001) })).status).toBe(400);
		expect((await lead.submit(`/team/attempts/${attemptId}?/comment`, { body: '   ' })).status).toBe(400);
		expect((await otherLead.request(`/team/attempts/${attemptId}`)).status).toBe(404);
		expect((await otherLead.submit(`/team/attempts/${attemptId}?/comment`, { body: 'Not my team' })).status).toBe(404);
		const learner = await signedInAs(new HttpClient(server.url), 'rep@demo.test');
		expect((await learner.submit(`/team/attempts/${attemptId}?/comment`, { body: 'Hi' })).status).toBe(403);
	});

	it(`${label} the author edits and deletes their own comment; another reviewer cannot`, async () => {
		await lead.submit(`/team/attempts/${attemptId}?/comment`, { body: 'A note on the whole call.' });
		const { id } = (await database.db.selectFrom('coaching_comment').select('id').where('body', '=', 'A note on the whole call.').executeTakeFirstOrThrow());
		expect((await trainer.submit(`/team/attempts/${attemptId}?/editComment`, { commentId: id, body: 'Hijacked' })).status).toBe(404);
		expect((await lead.submit(`/team/attempts/${attemptId}?/editComment`, { commentId: id, body: 'A clearer note on the whole call.' })).status).toBe(200);
		expect(await (await hire.request(`/attempts/${attemptId}`)).text()).toContain('A clearer note on the whole call.');
		expect((await lead.submit(`/team/attempts/${attemptId}?/deleteComment`, { commentId: id })).status).toBe(200);
		expect(await (await hire.request(`/attempts/${attemptId}`)).text()).not.toContain('A clearer note on the whole call.');
	});

	it(`${label} only the owner appeals, within the window, once at a time`, async () => {
		const rep = await signedInAs(new HttpClient(server.url), 'rep@demo.test');
		expect((await rep.submit(`/attempts/${attemptId}?/appeal`, { reason: 'Not mine' })).status).toBe(404);
		expect((await hire.submit(`/attempts/${attemptId}?/appeal`, { reason: '' })).status).toBe(400);
		expect((await hire.submit(`/attempts/${attemptId}?/appeal`, { reason: 'The customer had already verified.' })).status).toBe(200);
		expect((await hire.submit(`/attempts/${attemptId}?/appeal`, { reason: 'Again' })).status).toBe(409);

		const { user } = (await findUserByEmail(database.db, 'rep@demo.test'))!;
		const cutoff = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000).toISOString();
		const old = await database.db.selectFrom('attempt').select('id').where('user_id', '=', user.id).where('status', 'in', ['passed', 'failed']).where('finished_at', '<', cutoff).executeTakeFirstOrThrow();
		expect((await rep.submit(`/attempts/${old.id}?/appeal`, { reason: 'Too late' })).status).toBe(422);
	});

	it(`${label} a play-test cannot be appealed`, async () => {
		const { user } = (await findUserByEmail(database.db, 'trainer@demo.test'))!;
		const playtest = await insertAttempt(database.db, { userId: user.id, scenarioId: 'billing-dispute', scenarioVersion: 1, rubricId: 'customer-service', rubricVersion: 1, isPlaytest: true });
		await database.db.updateTable('attempt').set({ status: 'passed', score_total: 90, finished_at: new Date().toISOString() }).where('id', '=', playtest.id).execute();
		expect((await trainer.submit(`/attempts/${playtest.id}?/appeal`, { reason: 'My own play-test' })).status).toBe(422);
	});

	it(`${label} a lead of another team neither sees nor decides the appeal`, async () => {
		const trainerQueue = appealLinks(await (await trainer.request('/appeals')).text());
		expect(trainerQueue).toHaveLength(1);
		appealId = trainerQueue[0];
		expect(appealLinks(await (await otherLead.request('/appeals')).text())).toEqual([]);
		expect((await otherLead.request(`/appeals/${appealId}`)).status).toBe(404);
		expect((await otherLead.submit(`/appeals/${appealId}?/override`, { reason: 'No', 'score.empathy': '100' })).status).toBe(404);
		expect((await hire.request('/appeals')).status).toBe(403);
	});

	it(`${label} a trainer's override changes the effective score, is audited, and issues the certificate it earns`, async () => {
		const before = (await hireApi.json('/api/v1/me/progress')).body.certifications.find((c: { id: string }) => c.id === CSR);
		expect(before.status).not.toBe('earned');
		const criteria: { id: string; score: number | null }[] = (await hireApi.json(`/api/v1/attempts/${attemptId}`)).body.score.criteria;
		const form: Record<string, string> = { reason: 'Verification happened off-script; full marks.' };
		for (const c of criteria) form[`score.${c.id}`] = '100';
		expect((await trainer.submit(`/appeals/${appealId}?/override`, { ...form, 'score.nonexistent': '50' })).status).toBe(422);
		expect((await trainer.submit(`/appeals/${appealId}?/override`, { ...form, [`score.${criteria[0].id}`]: '101' })).status).toBe(400);
		const decided = await trainer.submit(`/appeals/${appealId}?/override`, form);
		expect(decided.status).toBe(303);

		const attempt = (await hireApi.json(`/api/v1/attempts/${attemptId}`)).body;
		expect(attempt.status).toBe('passed');
		expect(attempt.score.total).toBe(100);
		expect(attempt.score.passed).toBe(true);
		expect(attempt.score.criticalFailures).toEqual([]);
		const stored = await database.db.selectFrom('attempt').select(['status', 'score_total']).where('id', '=', attemptId).executeTakeFirstOrThrow();
		expect({ status: stored.status, total: Number(stored.score_total) }).toEqual({ status: 'passed', total: 100 });

		const after = (await hireApi.json('/api/v1/me/progress')).body.certifications.find((c: { id: string }) => c.id === CSR);
		expect(after.status).toBe('earned');

		const debrief = await (await hire.request(`/attempts/${attemptId}`)).text();
		expect(debrief).toContain('Adjusted on appeal');
		expect(debrief).toContain('Verification happened off-script; full marks.');
		expect(await (await hire.request('/notifications')).text()).toContain(`from ${engineTotal} to 100`);

		const admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
		const audit = await (await admin.request('/admin/audit?action=attempt.score-overridden')).text();
		expect(audit).toContain('Verification happened off-script; full marks.');
		expect(audit).toContain(`totalBefore: ${engineTotal}`);
		expect(audit).toContain('totalAfter: 100');
		expect(audit).toMatch(/(&quot;|")before(&quot;|"):/);
	});

	it(`${label} replaying the attempt's events still gives the engine's original score`, async () => {
		const attempt = (await findAttempt(database.db, attemptId))!;
		const runtime = (await loadRuntime(database.db, attempt))!;
		const replayed = stateOf(attempt, runtime, await attemptEvents(database.db, attemptId));
		expect(replayed.score?.total).toBe(engineTotal);
		const overrides = await database.db.selectFrom('score_override').selectAll().where('attempt_id', '=', attemptId).execute();
		expect(overrides.length).toBeGreaterThan(0);
		expect(overrides.every((o) => o.reason === 'Verification happened off-script; full marks.' && Number(o.after_score) === 100)).toBe(true);
	});

	it(`${label} a decided appeal cannot be decided again, and leaves the queue`, async () => {
		expect((await trainer.submit(`/appeals/${appealId}?/uphold`, { reason: 'Second thoughts' })).status).toBe(409);
		expect(appealLinks(await (await trainer.request('/appeals')).text())).toEqual([]);
	});
});
