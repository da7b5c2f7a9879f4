import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCaller, type ApiCaller } from './support/api-callers';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

// Fuzzing the HTTP surface: malformed bodies, wrong content types, odd numbers, unicode and
// prototype-pollution keys. Every answer is a typed 4xx (JSON `{error}` on the API), never a 500,
// and the server stays healthy.

const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 20261123) };
const SCENARIO_YAML = readFileSync('content/scenarios/difficult-customer/billing-dispute.yaml', 'utf8');

const ODD_NUMBERS = ['1e309', '-1e309', '-0', '1e-400', '9007199254740993', '0x10', 'NaN', 'Infinity', '1.5', '-1', '10001', '00', '1e2'];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];
const CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-16',
	'application/merge-patch+json',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=x',
	'application/yaml',
	'',
	'application/json, text/html',
	'*/*'
];

const oddText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\uD800', '💬'.repeat(30), 'a'.repeat(5000), '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --")
);
const key = fc.oneof(fc.constantFrom('scenarioId', 'seq', 'optionId', ...POLLUTION_KEYS), fc.string({ maxLength: 10 }));
/** JSON text the server must refuse or accept politely: values, near-misses of the real shape, and broken text. */
const jsonText = fc.oneof(
	fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
	fc.dictionary(key, fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddText), { maxKeys: 5 }).map((v) => JSON.stringify(v)),
	fc.record({ seq: fc.constantFrom(...ODD_NUMBERS), optionId: fc.constantFrom('"x"', '1', 'null', '[]', '{"__proto__":{"admin":true}}') }).map(({ seq, optionId }) => `{"seq":${seq},"optionId":${optionId}}`),
	fc.constantFrom(...POLLUTION_KEYS).map((k) => `{"${k}":{"polluted":true},"scenarioId":"x","seq":0,"optionId":"x"}`),
	fc.constantFrom('[', '{', '{"seq":', '"', 'nul', '{"a":1}{"b":2}', '\u0000', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', '['.repeat(10_000)),
	oddText
);

/** A path segment from any text, lone surrogates included (encodeURIComponent refuses those). */
const segment = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD') || 'x');

/** The answer is a 4xx (or a success for the rare valid body), never a 5xx; API errors are JSON `{error}`. */
async function expectPolite(response: Response, allowed: number[]) {
	const text = await response.text();
	expect(response.status, text.slice(0, 300)).toBeLessThan(500);
	expect(allowed, `${response.status}: ${text.slice(0, 300)}`).toContain(response.status);
	if (response.status >= 400 && response.headers.get('content-type')?.includes('json')) expect(typeof JSON.parse(text).error).toBe('string');
	return response.status;
}

describe.each(dialects)('fuzzing the HTTP API %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let learner: ApiCaller;
	let trainer: ApiCaller;
	let browser: HttpClient;
	let attemptId: string;
	let scenarioId: string;

	beforeAll(async () => {
		server = await startTestServer(dialect, { env: { LOG_LEVEL: 'silent' } });
		learner = await tokenCaller(server.url, 'mina.cho@demo.test');
		trainer = await tokenCaller(server.url, 'trainer@demo.test');
		browser = new HttpClient(server.url);
		await browser.signIn('diego.ramos@demo.test');
		scenarioId = (await learner.json('/api/v1/scenarios')).body[0].id;
		attemptId = (await learner.post('/api/v1/attempts', { scenarioId })).body.id;
	}, 120_000);
	afterAll(() => server?.stop());

	const healthy = async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

	it(`${label} answers malformed bodies for POST /api/v1/attempts and /steps with a JSON 4xx, never a 500`, async () => {
		const seen = new Map<number, number>();
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('/api/v1/attempts', `/api/v1/attempts/${attemptId}/steps`), jsonText, fc.constantFrom(...CONTENT_TYPES), async (path, body, type) => {
				const response = await learner.request(path, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
				const status = await expectPolite(response, [200, 201, 400, 404, 409, 413, 415, 422]);
				seen.set(status, (seen.get(status) ?? 0) + 1);
			}),
			RUNS
		);
		expect(seen.get(400)).toBeGreaterThan(0);
		// Nothing was polluted: a fresh, valid call still behaves.
		expect((await learner.post('/api/v1/attempts', { scenarioId })).status).toBe(201);
		await healthy();
	}, 120_000);

	it(`${label} answers odd attempt ids and odd seq numbers with 4xx`, async () => {
		await fc.assert(
			fc.asyncProperty(oddText, fc.constantFrom(...ODD_NUMBERS), async (id, seq) => {
				const path = `/api/v1/attempts/${segment(id)}`;
				await expectPolite(await learner.request(path), [200, 400, 404]);
				await expectPolite(await learner.request(`${path}/steps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"seq":${seq},"optionId":"x"}` }), [400, 404, 409, 422]);
			}),
			{ ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 2) }
		);
		await healthy();
	}, 120_000);

	// Found by this fuzzer on PostgreSQL, whose text cannot hold U+0000: each of these answered 500.
	it(`${label} answers a NUL character in a path, a JSON body, a form field or a YAML body with a 4xx`, async () => {
		await expectPolite(await learner.request('/api/v1/attempts/%00'), [404]);
		await expectPolite(await learner.request('/api/v1/attempts/x%00y/steps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seq":0,"optionId":"x"}' }), [404]);
		await expectPolite(await learner.request('/api/v1/attempts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"scenarioId":"\\u0000"}' }), [400]);
		await expectPolite(await learner.request(`/api/v1/attempts/${attemptId}/steps`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seq":0,"optionId":"a\\u0000"}' }), [400]);
		for (const path of ['/attempts/%00', '/play/%00', '/team/attempts/%00', '/credentials/%00', '/studio/scenarios/%00']) await expectPolite(await browser.request(path), [400, 403, 404]);
		await expectPolite(await new HttpClient(server.url).submit('/signin?/credentials', { email: 'a\u0000@b.test', password: 'x' }), [400]);
		await expectPolite(await browser.submit('/profile?/createToken', { name: 'a\u0000b' }), [400]);
		for (const yaml of [SCENARIO_YAML.replace('Double charge and a late fee', 'Double \u0000 charge'), SCENARIO_YAML.replace('Double charge and a late fee', '"Double \\0 charge"')])
			await expectPolite(await trainer.request('/api/v1/scenarios/fuzz-nul', { method: 'PUT', headers: { 'content-type': 'application/yaml' }, body: yaml }), [200, 201, 400, 422]);
		await healthy();
	});

	it(`${label} answers malformed scenario YAML and odd ids on PUT /api/v1/scenarios/{id} with a JSON 4xx, never a 500`, async () => {
		const yamlBody = fc.oneof(
			oddText,
			jsonText,
			fc.tuple(fc.nat(SCENARIO_YAML.length), fc.nat(SCENARIO_YAML.length), fc.constantFrom('', ':', '- ', '&x [*x]', '\t', '{', '1e309', '__proto__: 1\n')).map(
				([from, length, piece]) => SCENARIO_YAML.slice(0, from) + piece + SCENARIO_YAML.slice(from + (length % 200))
			),
			fc.constant('a: &a [x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n')
		);
		const id = fc.oneof(fc.constantFrom('fuzz-target', 'billing-dispute', 'Fuzz', '-x', 'a'.repeat(200), '__proto__', 'constructor'), oddText.map((s) => s || 'x'));
		await fc.assert(
			fc.asyncProperty(id, yamlBody, fc.constantFrom('application/yaml', 'text/yaml', 'application/x-yaml', 'application/json', ''), fc.option(fc.constantFrom('"x"', '*', 'W/"1"', '"\u00e9"')), async (scenario, body, type, ifMatch) => {
				const headers: Record<string, string> = type ? { 'content-type': type } : {};
				if (ifMatch) headers['if-match'] = ifMatch;
				const response = await trainer.request(`/api/v1/scenarios/${segment(scenario)}`, { method: 'PUT', headers, body });
				await expectPolite(response, [200, 201, 400, 404, 409, 412, 413, 415, 422]);
			}),
			RUNS
		);
		await healthy();
	}, 120_000);

	it(`${label} answers malformed form posts to /signin and /profile actions with a form failure or a redirect, never a 500`, async () => {
		const fields = fc.dictionary(fc.oneof(fc.constantFrom('email', 'password', 'name', 'id', 'current', 'next', 'confirm', 'redirectTo', ...POLLUTION_KEYS), fc.string({ maxLength: 8 })), oddText, { maxKeys: 5 });
		const action = fc.constantFrom('/signin?/credentials', '/profile?/createToken', '/profile?/revokeToken', '/profile?/changePassword', '/profile?/noSuchAction');
		const encoding = fc.constantFrom('form', 'multipart', 'broken-multipart', 'text', 'json', 'none');
		await fc.assert(
			fc.asyncProperty(action, fields, encoding, async (path, form, how) => {
				// Never change the password for real: the session must survive the run.
				if (path.endsWith('changePassword')) delete form.current;
				const headers: Record<string, string> = { accept: 'text/html' };
				let body: BodyInit | undefined;
				if (how === 'form') {
					headers['content-type'] = 'application/x-www-form-urlencoded';
					body = new URLSearchParams(form).toString();
				} else if (how === 'multipart') {
					const data = new FormData();
					for (const [k, v] of Object.entries(form)) data.append(k, v);
					body = data;
				} else if (how === 'broken-multipart') {
					headers['content-type'] = 'multipart/form-data; boundary=zzz';
					body = `--zzz\r\nContent-Disposition: form-data; name="email"\r\n\r\n${form.email ?? 'x'}`;
				} else if (how === 'text') {
					headers['content-type'] = 'text/plain';
					body = Object.entries(form).map(([k, v]) => `${k}=${v}`).join('\n');
				} else if (how === 'json') {
					headers['content-type'] = 'application/json';
					body = JSON.stringify(form);
				}
				const client = path.startsWith('/signin') ? new HttpClient(server.url) : browser;
				const response = await client.request(path, { method: 'POST', headers, body });
				await expectPolite(response, [200, 303, 400, 403, 404, 405, 413, 415, 422, 429]);
			}),
			RUNS
		);
		// The signed-in session still works after all that.
		expect((await browser.request('/profile')).status).toBe(200);
		await healthy();
	}, 120_000);
});
