import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One thing a caller can ask the app to do: a page's load, one of its actions, or an endpoint's method. */
export interface RouteEntry {
	/** `GET /attempts/[attemptId]`, `POST /profile?/createToken`, `PUT /api/v1/scenarios/[id]` */
	key: string;
	kind: 'load' | 'action' | 'endpoint' | 'page';
	method: string;
	/** The route's URL pattern with its parameters, route groups removed. */
	pattern: string;
	params: string[];
	action?: string;
	file: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `(app)/attempts/[attemptId]` → `/attempts/[attemptId]`; `[id=uuid].json` → `[id].json`. */
export function urlPattern(routeDir: string): { pattern: string; params: string[] } {
	const segments = routeDir.split('/').filter((s) => s && !/^\(.*\)$/.test(s));
	const params: string[] = [];
	const cleaned = segments.map((s) =>
		s.replace(/\[(\.\.\.)?(\w+)(=\w+)?\]/g, (_, rest: string | undefined, name: string) => {
			params.push(name);
			return `[${rest ?? ''}${name}]`;
		})
	);
	return { pattern: '/' + cleaned.join('/'), params };
}

/** The keys of the object literal whose `{` is at `open`, and the names of helpers spread into it. */
function objectKeys(source: string, open: number): { keys: string[]; spreads: string[] } {
	const segments: string[] = [];
	let current = '';
	for (let i = open + 1, depth = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '/' && source[i + 1] === '/') {
			i = source.indexOf('\n', i);
			continue;
		}
		if (c === "'" || c === '"' || c === '`') {
			const from = i;
			for (i++; i < source.length && source[i] !== c; i++) if (source[i] === '\\') i++;
			if (depth === 0) current += source.slice(from, i + 1);
			continue;
		}
		if ('})]'.includes(c)) {
			if (depth === 0) break;
			depth--;
		}
		if (depth === 0 && c === ',') {
			segments.push(current);
			current = '';
		} else if (depth === 0) current += c;
		if ('{(['.includes(c)) depth++;
	}
	segments.push(current);
	const keys: string[] = [];
	const spreads: string[] = [];
	for (const segment of segments) {
		const spread = /^\s*\.\.\.\s*(\w+)/.exec(segment);
		if (spread) spreads.push(spread[1]);
		else {
			const key = /^\s*(?:async\s+)?(\w+)/.exec(segment)?.[1];
			if (key) keys.push(key);
		}
	}
	return { keys, spreads };
}

/** Finds `export const name = (…) => ({ … })` or `export function name(…) { return { … } }` in src/lib, and lists its keys. */
function helperKeys(name: string, libDir: string): string[] | undefined {
	for (const file of walk(libDir).filter((f) => f.endsWith('.ts'))) {
		const source = readFileSync(file, 'utf8');
		const at = source.search(new RegExp(`export (const ${name}\\b[^=]*=|function ${name}\\b)`));
		if (at < 0) continue;
		const literal = /=>\s*\(\s*\{|return\s*\{/.exec(source.slice(at));
		if (!literal) return undefined;
		const open = at + literal.index + literal[0].length - 1;
		const { keys, spreads } = objectKeys(source, open);
		return spreads.length ? undefined : keys;
	}
	return undefined;
}

/**
 * The named actions of `export const actions = …`: the keys of its object literal, with the keys of
 * helpers spread into it (`...editorActions()`) or returned by one (`= editorActions()`). A helper this
 * cannot read shows up as an action called `?helper`, which has no rule, so the test names it.
 */
export function actionNames(source: string, libDir = 'src/lib'): string[] {
	const declared = /export const actions\b[^=]*=\s*/.exec(source);
	if (!declared) return [];
	const after = declared.index + declared[0].length;
	const call = /^(\w+)\s*\(/.exec(source.slice(after));
	const { keys, spreads } = call ? { keys: [], spreads: [call[1]] } : objectKeys(source, after);
	return [...spreads.flatMap((helper) => helperKeys(helper, libDir) ?? [`?${helper}`]), ...keys];
}

export const exportsLoad = (source: string) => /export (const|async function|function) load\b/.test(source);

export const endpointMethods = (source: string) =>
	METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|export \\{[^}]*\\b${m}\\b[^}]*\\}`).test(source));

function walk(dir: string, found: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, found);
		else found.push(path);
	}
	return found;
}

/** Every page, action and endpoint under `routesDir`, read from the files as SvelteKit would route them. */
export function routeEntries(routesDir = 'src/routes', libDir = 'src/lib'): RouteEntry[] {
	const entries: RouteEntry[] = [];
	const files = walk(routesDir);
	const dirs = [...new Set(files.map((f) => relative(routesDir, f).split('/').slice(0, -1).join('/')))];
	for (const dir of dirs) {
		const { pattern, params } = urlPattern(dir);
		const at = (name: string) => join(routesDir, dir, name);
		const pageServer = at('+page.server.ts');
		if (existsSync(pageServer)) {
			const source = readFileSync(pageServer, 'utf8');
			const file = relative('.', pageServer);
			if (exportsLoad(source) || existsSync(at('+page.svelte'))) {
				entries.push({ key: `GET ${pattern}`, kind: 'load', method: 'GET', pattern, params, file });
			}
			for (const action of actionNames(source, libDir)) {
				const query = action === 'default' ? '' : `?/${action}`;
				entries.push({ key: `POST ${pattern}${query}`, kind: 'action', method: 'POST', pattern, params, action, file });
			}
		} else if (existsSync(at('+page.svelte'))) {
			entries.push({ key: `GET ${pattern}`, kind: 'page', method: 'GET', pattern, params, file: relative('.', at('+page.svelte')) });
		}
		const server = at('+server.ts');
		if (existsSync(server)) {
			for (const method of endpointMethods(readFileSync(server, 'utf8'))) {
				entries.push({ key: `${method} ${pattern}`, kind: 'endpoint', method, pattern, params, file: relative('.', server) });
			}
		}
	}
	return entries.sort((a, b) => a.key.localeCompare(b.key));
}
