import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from './support/admin-pages';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const GOOD = 'email,name,team,role\r\nava.new@demo.test,Ava New,Harbour Team,\r\n"ben.new@demo.test","Ben ""B"" New",Summit Team,learner\r\nrep@demo.test,Ray Esposito,Summit Team,\r\n';
const BAD = 'email,name,team\nzoe.new@demo.test,Zoe New,Harbour Team\nnot-an-email,Bad,Harbour Team\nzoe.new@demo.test,Zoe Again,Harbour Team\nyan.new@demo.test,Yan,Nowhere Team\nrep@demo.test,Somebody Else,Harbour Team\n';

/** Page text as a reader sees it: entities decoded, so assertions read like the screen. */
const text = async (response: Response) => (await response.text()).replaceAll('"', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const peopleTable = async (admin: HttpClient) => (await text(await admin.request('/admin/people'))).split('<tbody>')[1].split('</tbody>')[0];

describe.each(dialects)('cohort CSV import %s', (dialect) => {
	let server: TestServer;
	let admin: HttpClient;
	beforeAll(async () => {
		server = await startTestServer(dialect);
		admin = await signedInAs(new HttpClient(server.url), 'admin@demo.test');
	});
	afterAll(() => server?.stop());
	const label = dialectLabel(dialect);

	it(`${label} reports every bad row with its line number and imports nothing`, async () => {
		const preview = await text(await admin.submit('/admin/import?/preview', { csv: BAD }));
		expect(preview).toContain('Line 3: "not-an-email" is not an email address');
		expect(preview).toContain('Line 4: zoe.new@demo.test is already on line 2');
		expect(preview).toContain('Line 5: No team called "Nowhere Team"');
		expect(preview).toContain('Line 6: rep@demo.test already exists as "Ray Esposito"');
		const refused = await admin.submit('/admin/import?/import', { csv: BAD });
		expect(refused.status).toBe(422);
		expect(await peopleTable(admin)).not.toContain('zoe.new@demo.test');
	});

	it(`${label} imports a good file, the new people can sign in, and a second import changes nothing`, async () => {
		const preview = await text(await admin.submit('/admin/import?/preview', { csv: GOOD }));
		expect(preview).toContain('Every row is good');
		const imported = await text(await admin.submit('/admin/import?/import', { csv: GOOD }));
		expect(imported).toContain('Imported: 2 new, 1 joined a team, 0 unchanged.');
		const password = imported.split('ava.new@demo.test')[1]?.match(/(tmp-[A-Za-z0-9_-]+)/)?.[1];
		expect(password).toBeDefined();
		const ava = await signedInAs(new HttpClient(server.url), 'ava.new@demo.test', password);
		expect((await ava.request('/scenarios')).status).toBe(200);
		const people = await peopleTable(admin);
		expect(people).toContain('Ben "B" New');
		const again = await text(await admin.submit('/admin/import?/import', { csv: GOOD }));
		expect(again).toContain('Imported: 0 new, 0 joined a team, 3 unchanged.');
		expect(await peopleTable(admin)).toBe(people);
	});

	it(`${label} accepts the file as an upload and refuses the import to a team lead`, async () => {
		const form = new FormData();
		form.set('file', new Blob([BAD], { type: 'text/csv' }), 'cohort.csv');
		const upload = await admin.request('/admin/import?/preview', { method: 'POST', body: form, headers: { accept: 'text/html' } });
		expect(await upload.text()).toContain('Line 3:');
		const lead = await signedInAs(new HttpClient(server.url), 'lead@demo.test');
		expect((await lead.submit('/admin/import?/import', { csv: GOOD })).status).toBe(403);
		expect((await admin.submit('/admin/import?/import', { csv: '' })).status).toBe(400);
	});
});
