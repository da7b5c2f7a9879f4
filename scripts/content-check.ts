/**
 * `npm run content:check [PATH…]`: validates the content library and prints every problem
 * as `path:line:col: message`. Exits 1 on any problem, 0 when clean.
 *
 * Named paths inside the library are checked in the context of the whole library (so a
 * scenario's rubric is found), but only their own problems are reported.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { checkLibrary } from '../src/lib/content/check-library';
import { formatProblem } from '../src/lib/content/problem';
import { readContentFiles } from '../src/lib/server/content/read-content-files';

const root = process.env.CONTENT_DIR ?? 'content';
const named = process.argv.slice(2);

const isWithin = (path: string, folder: string): boolean => {
	const from = resolve(folder);
	const to = resolve(path);
	return to === from || to.startsWith(from + sep);
};

const missing = [...(named.length ? named : [root])].filter((path) => !existsSync(path));
if (missing.length > 0) {
	for (const path of missing) console.error(`${path}: no such file or folder`);
	process.exit(1);
}

const outside = named.filter((path) => !isWithin(path, root));
const loadRoot = named.length === 0 || outside.length < named.length;
const files = await readContentFiles([...(loadRoot ? [root] : []), ...outside]);
const library = checkLibrary(files);

const reported = named.length
	? library.problems.filter((p) => named.some((path) => isWithin(p.path, path)))
	: library.problems;
for (const problem of reported) console.log(formatProblem(problem));

const checkedFiles = named.length ? files.filter((f) => named.some((path) => isWithin(f.path, path))).length : files.length;
const scope = named.length ? `${checkedFiles} file${checkedFiles === 1 ? '' : 's'} checked` : counts(library);
if (reported.length > 0) {
	const fileCount = new Set(reported.map((p) => p.path)).size;
	console.log(`content: ${scope}; ${reported.length} problem${reported.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}`);
	process.exit(1);
}
console.log(`content: ${scope} — ok`);

function counts(lib: ReturnType<typeof checkLibrary>): string {
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	return `${plural(lib.scenarios.length, 'scenario')}, ${plural(lib.rubrics.length, 'rubric')}, ${plural(lib.tracks.length, 'track')}, ${plural(lib.badges.length, 'badge')} in ${relative('.', root) || '.'}`;
}
