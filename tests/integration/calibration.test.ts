import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calibrationForm, expertCriterionScoresOf } from '../factories/calibration-scores';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const PATH = '/progress/calibration/team-lead/calibrate-billing-call';
type Criterion = Awaited<ReturnType<typeof expertCriterionScoresOf>>[number];

/** The text of a page with tags dropped and whitespace squeezed, to find sentences in. */
const textOf = async (res: Response) => (await res.text()).replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The result table's row for one criterion: "Label you expert gap peers flags". */
const rowOf = (text: string, label: string) => text.slice(text.indexOf(`${label} `, text.indexOf('Your scores against'))).slice(0, 220);

describe.each(dialects)('per-criterion QA calibration %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let criteria: Criterion[];
	const signedIn = async (email: string) => {
		const c = new HttpClient(server.url);
		await c.signIn(email);
		return c;
	};
	const requirementOf = async (c: HttpClient) => {
		const { body } = await c.json('/api/v1/me/progress');
		return body.certifications.find((x: any) => x.id === 'team-lead').requirements.find((r: any) => r.id === 'calibrate-billing-call');
	};

	beforeAll(async () => {
		server = await startTestServer(dialect);
		criteria = await expertCriterionScoresOf('team-lead', 'calibrate-billing-call');
	});
	afterAll(() => server?.stop());

	it(`${label} refuses a score outside 0–100 with the criterion's field error, and a missing criterion with 422`, async () => {
		const lead = await signedIn('lead@demo.test');
		const form = calibrationForm(criteria);
		const bad = await lead.submit(`${PATH}?/submit`, { ...form, [`score.${criteria[0].id}`]: '101' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Scores run from 0 to 100');
		const { [`score.${criteria[1].id}`]: _left, ...missing } = form;
		const partial = await lead.submit(`${PATH}?/submit`, missing);
		expect(partial.status).toBe(422);
		expect(await partial.text()).toContain(criteria[1].label);
	});

	it(`${label} flags a criterion more than 10 points from the expert and does not pass, though the total is within tolerance`, async () => {
		const rep = await signedIn('rep@demo.test');
		// The lightest criterion 15 points off moves the total by under the 10-point tolerance.
		const light = [...criteria].sort((a, b) => a.weight - b.weight)[0];
		const shift = light.expert >= 50 ? -15 : 15;
		const res = await rep.submit(`${PATH}?/submit`, calibrationForm(criteria, (id) => (id === light.id ? shift : 0)));
		expect(res.status).toBe(200);
		const text = await textOf(res);
		expect(text).toContain('Not calibrated yet');
		const row = rowOf(text, light.label);
		expect(row).toContain(`${light.expert + shift} ${light.expert} ${shift > 0 ? '+' : ''}${shift}`);
		expect(row).toContain('More than 10 points from the expert');
		expect(rowOf(text, criteria.find((c) => c.id !== light.id)!.label)).not.toContain('More than 10 points');
		expect((await requirementOf(rep)).met).toBe(false);
	});

	it(`${label} passes when every criterion agrees, and compares with the peers' average and spread`, async () => {
		const lead = await signedIn('lead@demo.test');
		const res = await lead.submit(`${PATH}?/submit`, calibrationForm(criteria));
		expect(res.status).toBe(200);
		const text = await textOf(res);
		expect(text).toContain('Calibrated: your total is within');
		// rep scored the same recording before: one peer, whose scores are the peers' mean.
		expect(rowOf(text, criteria[0].label)).toContain(`mean ${criteria[0].expert} `);
		expect(text).toContain('1 peer');
		expect((await requirementOf(lead)).met).toBe(true);
	});

	it(`${label} flags an evaluator more than 10 points from the peers' mean, and criteria the peers disagree on`, async () => {
		const hire = await signedIn('new.hire@demo.test');
		const target = criteria.find((c) => c.expert <= 70)!;
		const res = await hire.submit(`${PATH}?/submit`, calibrationForm(criteria, (id) => (id === target.id ? 30 : 0)));
		expect(res.status).toBe(200);
		const row = rowOf(await textOf(res), target.label);
		expect(row).toContain('2 peers');
		expect(row).toContain('More than 10 points from your peers');
		// Now the peers of rep's next try (lead and new hire) differ by 30 on that criterion.
		const rep = await signedIn('rep@demo.test');
		const again = rowOf(await textOf(await rep.submit(`${PATH}?/submit`, calibrationForm(criteria))), target.label);
		expect(again).toContain('Peers differ by more than 10 points');
	});

	it(`${label} shows a team lead how far each member is from the expert per criterion; learners get 403`, async () => {
		const lead = await signedIn('lead@demo.test');
		const page = await lead.request('/team/calibration');
		expect(page.status).toBe(200);
		const text = await textOf(page);
		expect(text).toContain('Score a recorded billing call within 10 points of the QA expert');
		expect(text).toContain('Noor Haddad');
		expect(text).toContain('+30 (flagged)');
		const hire = await signedIn('new.hire@demo.test');
		expect((await hire.request('/team/calibration')).status).toBe(403);
	});

	it(`${label} shows an evaluator's latest scoring again, against everyone who has scored the recording since`, async () => {
		const lead = await signedIn('lead@demo.test');
		const text = await textOf(await lead.request(PATH));
		expect(text).toContain('Your latest scoring');
		// The lead scored before the new hire and rep's second try: both are peers now.
		expect(rowOf(text, criteria[0].label)).toContain('2 peers');
	});
});
