import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { bestReplies } from '../factories/best-path';
import { signedInAs } from './support/admin-pages';
import { sessionCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const NOTE = 'Practise the refund policy before the billing changes go live.';

/** The id behind a team's option on the "New assignment" form, read the way a browser sees it. */
const teamIdOn = (html: string, name: string) => {
	const id = html.match(new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>${name}</option>`))?.[1];
	if (!id) throw new Error(`${name} is not offered on the form`);
	return id;
};
const assignmentIdOf = (response: Response) => response.headers.get('location')?.match(/^\/assignments\/([0-9a-f-]{36})$/)?.[1];
/** The status cell in a person's row of the assignees table. */
const rowOf = (html: string, name: string) => (html.split('<tr').find((r) => r.includes(`${name} <span`)) ?? '').split('</tr>')[0];

describe.each(dialects)('assignments %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;
	let trainer: HttpClient;
	let lead: HttpClient;
	let harbour: string;
	let summit: string;
	const assign = (client: HttpClient, form: Record<string, string>) =>
		client.submit('/assignments/new', { content: 'scenario:billing-dispute', targetType: 'team', teamId: harbour, email: '', dueOn: day(7), note: NOTE, ...form });

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		trainer = await signedInAs(new HttpClient(server.url), 'trainer@demo.test');
		lead = await signedInAs(new HttpClient(server.url), 'lead@demo.test');
		const form = await (await trainer.request('/assignments/new')).text();
		harbour = teamIdOn(form, 'Harbour Team');
		summit = teamIdOn(form, 'Summit Team');
	});
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	let teamAssignment: string;

	it(`${label} a trainer assigns a scenario to a team: every learner on it is listed, not yet started`, async () => {
		const created = await assign(trainer, {});
		expect(created.status).toBe(303);
		teamAssignment = assignmentIdOf(created)!;
		const detail = await (await trainer.request(`/assignments/${teamAssignment}`)).text();
		expect(detail).toContain('Double charge and a late fee');
		expect(detail).toContain(NOTE);
		expect(rowOf(detail, 'Noor Haddad')).toContain('Not started');
		expect(detail).not.toContain('Priya Nair');
		const list = await (await trainer.request('/assignments')).text();
		expect(list).toContain(`href="/assignments/${teamAssignment}"`);
		expect(list).toContain('Harbour Team');
		const audit = await database.db.selectFrom('audit_log').select(['actor_id', 'subject_id']).where('action', '=', 'assignment.created').execute();
		expect(audit.map((a) => a.subject_id)).toContain(teamAssignment);
	});

	it(`${label} a trainer assigns a track to one person by email`, async () => {
		const created = await assign(trainer, { content: 'track:customer-service-representative', targetType: 'user', email: 'priya.nair@demo.test' });
		expect(created.status).toBe(303);
		const detail = await (await trainer.request(`/assignments/${assignmentIdOf(created)}`)).text();
		expect(rowOf(detail, 'Priya Nair')).toContain('Not certified yet');
		expect(detail).not.toContain('Noor Haddad');
	});

	it(`${label} refuses bad input with 400 and a message per field`, async () => {
		const response = await assign(trainer, { content: '', teamId: 'nope', dueOn: day(-1), note: 'x'.repeat(501) });
		expect(response.status).toBe(400);
		const html = await response.text();
		for (const message of ['Choose a scenario or track', 'Choose a team', 'Choose a due date from today on, not in the past', 'Keep the note to 500 characters'])
			expect(html).toContain(message);
		expect((await assign(trainer, { content: 'scenario:no-such-scenario' })).status).toBe(422);
		expect((await assign(trainer, { targetType: 'user', email: 'nobody@demo.test' })).status).toBe(404);
	});

	it(`${label} a team lead assigns to their own team and its people only`, async () => {
		expect((await assign(lead, {})).status).toBe(303);
		expect((await assign(lead, { targetType: 'user', email: 'rep@demo.test' })).status).toBe(303);
		expect((await assign(lead, { teamId: summit })).status).toBe(403);
		expect((await assign(lead, { targetType: 'user', email: 'priya.nair@demo.test' })).status).toBe(404);
		const form = await (await lead.request('/assignments/new')).text();
		expect(form).not.toContain('Summit Team');
	});

	it(`${label} a team lead sees only assignments that reach their team`, async () => {
		const other = assignmentIdOf(await assign(trainer, { teamId: summit }))!;
		expect((await lead.request(`/assignments/${other}`)).status).toBe(404);
		expect((await lead.submit(`/assignments/${other}?/cancel`, {})).status).toBe(404);
		const list = await (await lead.request('/assignments')).text();
		expect(list).toContain(`href="/assignments/${teamAssignment}"`);
		expect(list).not.toContain(`href="/assignments/${other}"`);
	});

	it(`${label} a learner may not see or make assignments`, async () => {
		const learner = await signedInAs(new HttpClient(server.url), 'rep@demo.test');
		expect((await learner.request('/assignments')).status).toBe(403);
		expect((await learner.request('/assignments/new')).status).toBe(403);
		expect((await assign(learner, {})).status).toBe(403);
		expect((await learner.request(`/assignments/${teamAssignment}`)).status).toBe(403);
	});

	it(`${label} the learner sees the assignment on their home page, on /scenarios and as a quest on /progress`, async () => {
		const hire = await signedInAs(new HttpClient(server.url), 'new.hire@demo.test');
		const home = await (await hire.request('/')).text();
		const dueSoon = home.slice(home.indexOf('id="due-soon-title"'));
		expect(dueSoon).toContain('Double charge and a late fee');
		expect(dueSoon).toContain(NOTE);
		const scenarios = await (await hire.request('/scenarios')).text();
		expect(scenarios).toContain('Assigned to you');
		expect(scenarios).toContain(NOTE);
		const progress = await (await hire.request('/progress')).text();
		const quests = progress.slice(progress.indexOf('id="quests-title"'));
		expect(quests).toContain('href="/scenarios?q=');
		expect(quests).not.toContain('· done</span>');
	});

	it(`${label} completion flips once the learner passes the scenario through the API`, async () => {
		const hire = await sessionCaller(server.url, 'new.hire@demo.test');
		const { body } = await hire.post('/api/v1/attempts', { scenarioId: 'billing-dispute' });
		const replies = await bestReplies('billing-dispute');
		let status = 'in_progress';
		for (const [seq, reply] of replies.entries()) status = (await hire.post(`/api/v1/attempts/${body.id}/steps`, { seq, optionId: reply.id })).body.status;
		expect(status).toBe('passed');
		const detail = await (await trainer.request(`/assignments/${teamAssignment}`)).text();
		expect(rowOf(detail, 'Noor Haddad')).toContain('Completed');
		expect(rowOf(detail, 'Ray Esposito')).not.toContain('Completed');
		const progress = await (await hire.request('/progress')).text();
		expect(progress.slice(progress.indexOf('id="quests-title"'))).toContain('· done</span>');
	});

	it(`${label} cancelling takes the assignment off the learner's pages, once`, async () => {
		const ray = await signedInAs(new HttpClient(server.url), 'rep@demo.test');
		const before = (await (await ray.request('/progress')).text()).split('href="/scenarios?q=').length;
		const cancelled = await trainer.submit(`/assignments/${teamAssignment}?/cancel`, {});
		expect(cancelled.status).toBe(200);
		expect(await cancelled.text()).toContain('Assignment cancelled');
		expect((await trainer.submit(`/assignments/${teamAssignment}?/cancel`, {})).status).toBe(409);
		const after = (await (await ray.request('/progress')).text()).split('href="/scenarios?q=').length;
		expect(after).toBe(before - 1);
		const audit = await database.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'assignment.cancelled').execute();
		expect(audit.map((a) => a.subject_id)).toEqual([teamAssignment]);
	});

	it(`${label} the team view lists each member's overdue assignments, for their lead only`, async () => {
		// A due day in the past cannot be chosen on the form, so this one is written straight into the database, made an hour ago.
		const id = crypto.randomUUID();
		const trainerId = (await database.db.selectFrom('user').select('id').where('email', '=', 'trainer@demo.test').executeTakeFirstOrThrow()).id;
		await database.db.insertInto('assignment').values({ id, content_kind: 'scenario', content_id: 'billing-dispute', due_on: day(-2), note: '', created_by: trainerId, created_at: new Date(Date.now() - 3_600_000).toISOString() }).execute();
		await database.db.insertInto('assignment_target').values({ assignment_id: id, target_type: 'team', target_id: harbour }).execute();
		const page = await (await lead.request('/team')).text();
		const overdue = page.slice(page.indexOf('id="overdue-title"'), page.indexOf('</section>', page.indexOf('id="overdue-title"')));
		expect(overdue).toContain('Ray Esposito');
		expect(overdue).toContain(`href="/assignments/${id}"`);
		// The new hire passed billing-dispute after this assignment was made: done, so not overdue.
		expect(overdue).not.toContain('Noor Haddad');
		const otherLead = await signedInAs(new HttpClient(server.url), 'grace.lead@demo.test');
		const theirs = await (await otherLead.request('/team')).text();
		expect(theirs).toContain('No one is behind on an assignment.');
	});
});
