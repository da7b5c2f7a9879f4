import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// What a production build is made from: when none of it changed, the existing build is current.
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
export const STAMP_FILE = 'build/.source-hash';

function* filesUnder(path) {
	if (!existsSync(path)) return;
	if (statSync(path).isFile()) {
		yield path;
		return;
	}
	for (const entry of readdirSync(path).sort()) yield* filesUnder(join(path, entry));
}

export function sourceHash(root = '.') {
	const hash = createHash('sha256');
	for (const source of SOURCES) {
		for (const file of filesUnder(join(root, source))) hash.update(file).update('\0').update(readFileSync(file));
	}
	return hash.digest('hex');
}

export const isBuildCurrent = (root = '.') =>
	existsSync(join(root, 'build/index.js')) &&
	existsSync(join(root, STAMP_FILE)) &&
	readFileSync(join(root, STAMP_FILE), 'utf8').trim() === sourceHash(root);
