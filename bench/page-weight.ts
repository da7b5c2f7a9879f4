import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean };

/**
 * Gzipped JavaScript a browser loads for one route on first visit: the client entry (start, app),
 * the root layout and error nodes and the route's own node, with every chunk they import statically,
 * each counted once. Read from the build's Vite manifest and the server manifest's route table.
 */
export function routeJsGzipKb(root: string, routeId: string): { kb: number; files: number } {
	const output = join(root, '.svelte-kit/output');
	const manifest = JSON.parse(readFileSync(join(output, 'client/.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
	const routes = readFileSync(join(output, 'server/manifest.js'), 'utf8');
	const at = routes.indexOf(`id: ${JSON.stringify(routeId)}`);
	if (at < 0) throw new Error(`route ${routeId} is not in the build`);
	const page = routes.slice(at).match(/page: \{ layouts: \[([^\]]*)\], errors: \[([^\]]*)\], leaf: (\d+) \}/);
	if (!page) throw new Error(`route ${routeId} has no page`);
	const nodes = [page[1], page[2], page[3]].flatMap((list) => list.split(',')).map((s) => s.trim()).filter(Boolean);
	const roots = [
		...Object.keys(manifest).filter((key) => manifest[key].isEntry && key.endsWith('client/entry.js')),
		...Object.keys(manifest).filter((key) => key.endsWith('client-optimized/app.js')),
		...nodes.map((n) => `.svelte-kit/generated/client-optimized/nodes/${n}.js`)
	];
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		const chunk = manifest[key];
		if (!chunk) throw new Error(`${key} is not in the client manifest`);
		seen.add(key);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	roots.forEach(visit);
	let bytes = 0;
	for (const key of seen) {
		const file = join(output, 'client', manifest[key].file);
		// The build precompresses assets; gzip afresh when it did not.
		bytes += existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`).length : gzipSync(readFileSync(file), { level: 9 }).length;
	}
	return { kb: Math.round((bytes / 1024) * 10) / 10, files: seen.size };
}
