import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personIdOnPeoplePage, signedInAs } from './support/admin-pages';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const isSignedIn = async (client: HttpClient) => (await client.request('/')).status === 200;

describe.each(dialects)('admin: people, teams, tokens and audit %s', (dialect) => {
	let server: TestServer;
	let admin: HttpClient;
	beforeAll(async () => {
		server = await startTestServer(dialect);
		admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} refuses the admin pages and actions to a team lead with 403`, async () => {
		const lead = await signedInAs(new HttpClient(server.url), 'lead@demo.test');
		for (const path of ['/admin/people', '/admin/teams', '/admin/tokens', '/admin/audit']) {
			expect((await lead.request(path)).status, path).toBe(403);
		}
		const id = await personIdOnPeoplePage(admin, 'rep@demo.test');
		expect((await lead.submit('/admin/people?/role', { userId: id, role: 'admin' })).status).toBe(403);
	});

	it(`${label} ends a person's session at once when their role changes, and records it`, async () => {
		const mina = await signedInAs(new HttpClient(server.url), 'mina.cho@demo.test');
		expect(await isSignedIn(mina)).toBe(true);
		const id = await personIdOnPeoplePage(admin, 'mina.cho@demo.test');
		expect((await admin.submit('/admin/people?/role', { userId: id, role: 'trainer' })).status).toBe(200);
		expect(await isSignedIn(mina)).toBe(false);
		const audit = await (await admin.request('/admin/audit?action=user.role-changed')).text();
		expect(audit).toContain('to: trainer');
	});

	it(`${label} deactivates a person (sessions end, sign-in refused) and reactivates them`, async () => {
		const diego = await signedInAs(new HttpClient(server.url), 'diego.ramos@demo.test');
		const id = await personIdOnPeoplePage(admin, 'diego.ramos@demo.test');
		await admin.submit('/admin/people?/active', { userId: id, active: '0' });
		expect(await isSignedIn(diego)).toBe(false);
		const refused = new HttpClient(server.url);
		await refused.signIn('diego.ramos@demo.test');
		expect(await isSignedIn(refused)).toBe(false);
		await admin.submit('/admin/people?/active', { userId: id, active: '1' });
		expect(await isSignedIn(await signedInAs(new HttpClient(server.url), 'diego.ramos@demo.test'))).toBe(true);
		const audit = await (await admin.request('/admin/audit?action=user.deactivated')).text();
		expect(audit).toContain('diego.ramos@demo.test');
	});

	it(`${label} keeps the last active admin: no self-demotion or self-deactivation into lock-out`, async () => {
		const id = await personIdOnPeoplePage(admin, 'admin@demo.test');
		const demoted = await admin.submit('/admin/people?/role', { userId: id, role: 'learner' });
		expect(demoted.status).toBe(409);
		expect(await demoted.text()).toContain('at least one active admin');
		expect((await admin.submit('/admin/people?/active', { userId: id, active: '0' })).status).toBe(409);
		expect(await isSignedIn(admin)).toBe(true);
	});

	it(`${label} invites a person with a one-time temporary password they can sign in with`, async () => {
		const response = await admin.submit('/admin/people?/invite', { email: 'Kim.New@demo.test', name: 'Kim New', role: 'learner', teamId: '' });
		const password = (await response.text()).match(/value="(tmp-[A-Za-z0-9_-]+)"/)?.[1];
		expect(password).toBeDefined();
		expect(await isSignedIn(await signedInAs(new HttpClient(server.url), 'kim.new@demo.test', password))).toBe(true);
		const again = await admin.submit('/admin/people?/invite', { email: 'kim.new@demo.test', name: 'Kim New', role: 'learner' });
		expect(again.status).toBe(409);
		expect((await admin.submit('/admin/people?/invite', { email: 'not-an-email', name: 'X', role: 'learner' })).status).toBe(400);
	});

	it(`${label} creates and renames a team, adds a member and assigns a lead`, async () => {
		await admin.submit('/admin/teams?/create', { name: 'Cohort 12' });
		let html = await (await admin.request('/admin/teams')).text();
		const teamId = html.split('Cohort 12')[1]?.match(/name="teamId" value="([0-9a-f-]{36})"/)?.[1];
		expect(teamId).toBeDefined();
		expect((await admin.submit('/admin/teams?/create', { name: 'Cohort 12' })).status).toBe(409);
		await admin.submit('/admin/teams?/rename', { teamId: teamId!, name: 'Cohort 12 (March)' });
		const newHire = await personIdOnPeoplePage(admin, 'new.hire@demo.test');
		await admin.submit('/admin/teams?/membership', { teamId: teamId!, userId: newHire, change: 'add' });
		const sam = await personIdOnPeoplePage(admin, 'sam.oconnell@demo.test');
		await admin.submit('/admin/teams?/membership', { teamId: teamId!, userId: sam, change: 'lead' });
		html = await (await admin.request('/admin/teams')).text();
		expect(html).toContain('Cohort 12 (March)');
		expect(html).toMatch(/Noor Haddad \(learner\)/);
		expect(html).toMatch(/Sam O.*Connell \(lead\)/);
		const samClient = await signedInAs(new HttpClient(server.url), 'sam.oconnell@demo.test');
		expect((await samClient.request('/team')).status).toBe(200);
	});

	it(`${label} lists everyone's tokens and revokes one, which then stops working`, async () => {
		const owner = await signedInAs(new HttpClient(server.url), 'priya.nair@demo.test');
		const token = (await (await owner.submit('/profile?/createToken', { name: 'priya-report' })).text()).match(/value="(rpt_[A-Za-z0-9_-]+)"/)?.[1];
		const page = await (await admin.request('/admin/tokens')).text();
		expect(page).toContain('priya-report');
		expect(page).not.toContain(token!);
		const row = page.split('<tr').find((r) => r.includes('priya-report'))!;
		const id = row.match(/name="id" value="([0-9a-f-]{36})"/)![1];
		expect((await admin.submit('/admin/tokens?/revoke', { id })).status).toBe(200);
		expect((await new HttpClient(server.url).json('/api/v1/scenarios', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
		expect(await (await admin.request('/admin/audit?action=token.revoked')).text()).toContain('token.revoked');
	});

	it(`${label} filters the audit log by action and date and pages through it`, async () => {
		const signIns = await (await admin.request('/admin/audit?action=auth.sign-in')).text();
		expect(signIns).toContain('auth.sign-in');
		expect(signIns).not.toContain('scope="row">user.invited');
		const future = await (await admin.request('/admin/audit?from=2999-01-01')).text();
		expect(future).toContain('No entries match.');
		expect((await admin.request('/admin/audit?from=yesterday')).status).toBe(400);
	});
});
