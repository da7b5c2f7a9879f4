import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from './support/admin-pages';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

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
});
