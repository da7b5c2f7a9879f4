import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from './support/admin-pages';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

/** The team picker's choices, as (id, name) pairs; the empty "all your teams" value is left out. */
const teamChoices = (html: string) =>
	[...html.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g)].map((m) => ({ id: m[1], name: m[2] }));
const reviewLinks = (html: string) => [...html.matchAll(/href="\/team\/attempts\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

describe.each(dialects)('team lead view %s', (dialect) => {
	let server: TestServer;
	let lead: HttpClient;
	let teamPage: string;
	beforeAll(async () => {
		server = await startTestServer(dialect);
		lead = await signedInAs(new HttpClient(server.url), 'lead@demo.test');
		teamPage = await (await lead.request('/team')).text();
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} shows the lead's own team members, a heatmap and review links`, async () => {
		expect(teamPage).toContain('Competency heatmap');
		expect(teamPage).toContain('Ray Esposito');
		expect(teamPage).not.toContain('Priya Nair');
		expect(reviewLinks(teamPage).length).toBeGreaterThan(0);
	});

	it(`${label} sends the read-only report as HTML alone: no client script, no data serialised again for hydration`, async () => {
		expect(teamPage).toContain('Ray Esposito');
		expect(teamPage).not.toContain('<script');
	});

	it(`${label} opens a member's attempt read-only, and hides it from a lead of another team`, async () => {
		const [attemptId] = reviewLinks(teamPage);
		const review = await lead.request(`/team/attempts/${attemptId}`);
		expect(review.status).toBe(200);
		expect(await review.text()).toContain('Attempt review (read-only)');
		const otherLead = await signedInAs(new HttpClient(server.url), 'grace.lead@demo.test');
		expect((await otherLead.request(`/team/attempts/${attemptId}`)).status).toBe(404);
		const learner = await signedInAs(new HttpClient(server.url), 'mina.cho@demo.test');
		expect((await learner.request(`/team/attempts/${attemptId}`)).status).toBe(403);
		expect((await learner.request('/team')).status).toBe(403);
	});

	it(`${label} shows an admin one team at a time, the first by name unless another is picked`, async () => {
		const admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
		const first = await (await admin.request('/team')).text();
		const choices = teamChoices(first);
		expect(choices.map((c) => c.name)).toEqual(['Harbour Team', 'Summit Team']);
		expect(first).toContain('Ray Esposito');
		expect(first).not.toContain('Priya Nair');
		const summit = await admin.request(`/team?team=${choices[1].id}`);
		expect(summit.status).toBe(200);
		const summitPage = await summit.text();
		expect(summitPage).toContain('Priya Nair');
		expect(summitPage).not.toContain('Ray Esposito');
		expect(summitPage).toMatch(new RegExp(`<option value="${choices[1].id}" selected`));
		expect((await admin.request('/team?team=no-such-team')).status).toBe(404);
	});

	it(`${label} lets a lead pick only among the teams they lead`, async () => {
		const admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
		const [harbour, summit] = teamChoices(await (await admin.request('/team')).text());
		// One team led: nothing to pick, and the page reads as before.
		expect(teamChoices(teamPage)).toEqual([]);
		expect((await lead.request(`/team?team=${harbour.id}`)).status).toBe(200);
		expect(await (await lead.request('/team?team=')).text()).toContain('Ray Esposito');
		const other = await lead.request(`/team?team=${summit.id}`);
		expect(other.status).toBe(404);
		expect(await other.text()).not.toContain('Priya Nair');
	});
});
