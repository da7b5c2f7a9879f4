import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionNames, endpointMethods, routeEntries, urlPattern } from '../integration/support/authorization/route-tree';

// The authorization matrix is only as good as its walk of src/routes: these pin down what it finds.
describe('route tree walk', () => {
	it('drops route groups and matchers, keeping every parameter', () => {
		expect(urlPattern('(public)/credentials/[id=uuid].json')).toEqual({ pattern: '/credentials/[id].json', params: ['id'] });
		expect(urlPattern('(app)/studio/[kind]/[id]/versions/[version].yaml')).toEqual({
			pattern: '/studio/[kind]/[id]/versions/[version].yaml',
			params: ['kind', 'id', 'version']
		});
		expect(urlPattern('')).toEqual({ pattern: '/', params: [] });
	});

	it('lists named actions, ignoring nested objects, strings and comments', () => {
		const source = `export const actions = {
	// a comment, with: a colon
	save: async ({ request }) => { const x = { nested: 1 }; return fail(400, { message: 'a, b: c' }); },
	publish: async () => ({ ok: true }),
	default: signIn
} satisfies Actions;`;
		expect(actionNames(source)).toEqual(['save', 'publish', 'default']);
		expect(actionNames('export const load = () => ({});')).toEqual([]);
	});

	it('follows actions spread in from, or returned by, a helper in src/lib', () => {
		const lib = mkdtempSync(join(tmpdir(), 'route-tree-lib-'));
		writeFileSync(join(lib, 'helpers.ts'), 'export const editorActions = (kind?: string) => ({\n\tsave: async () => 1,\n\trestore: async () => 2\n});\n');
		expect(actionNames('export const actions = { ...editorActions(), playtest: async () => 1 };', lib)).toEqual(['save', 'restore', 'playtest']);
		expect(actionNames('export const actions = editorActions() satisfies Actions;', lib)).toEqual(['save', 'restore']);
		// A helper it cannot read becomes an action with no rule, so the matrix names it instead of skipping it.
		expect(actionNames('export const actions = { ...unknownHelper() };', lib)).toEqual(['?unknownHelper']);
	});

	it('lists the methods an endpoint exports', () => {
		expect(endpointMethods('export const GET: RequestHandler = () => x;\nexport async function PUT() {}')).toEqual(['GET', 'PUT']);
		expect(endpointMethods('const POST = 1; export { POST };')).toEqual(['POST']);
	});

	it('turns a folder of routes into loads, actions, endpoint methods and bare pages', () => {
		const root = mkdtempSync(join(tmpdir(), 'route-tree-'));
		const file = (path: string, text: string) => {
			mkdirSync(dirname(join(root, path)), { recursive: true });
			writeFileSync(join(root, path), text);
		};
		file('(app)/things/[thingId]/+page.server.ts', 'export const load = () => ({});\nexport const actions = { remove: async () => 1 };');
		file('(app)/things/[thingId]/+page.svelte', '');
		file('about/+page.svelte', '');
		file('api/things/+server.ts', 'export const GET = () => 1; export const POST = () => 2;');
		expect(routeEntries(root, root).map((e) => e.key)).toEqual([
			'GET /about',
			'GET /api/things',
			'GET /things/[thingId]',
			'POST /api/things',
			'POST /things/[thingId]?/remove'
		]);
	});
});
