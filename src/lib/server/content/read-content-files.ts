import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_CONTENT_FILE_BYTES, type ContentFile } from '../../content/content-limits';

const isYaml = (name: string): boolean => name.endsWith('.yaml') || name.endsWith('.yml');

/**
 * Reads every YAML file under the given files or folders, sorted by path. A file over the
 * size limit is not read: it comes back with empty text and its size, and the checker refuses it.
 * Symbolic links are skipped so a link cannot pull in files from outside the library.
 */
export const readContentFiles = async (roots: readonly string[]): Promise<ContentFile[]> => {
	const paths = (await Promise.all(roots.map(listYamlFiles))).flat();
	const unique = [...new Set(paths)].sort();
	return Promise.all(unique.map(readContentFile));
};

const listYamlFiles = async (root: string): Promise<string[]> => {
	const info = await stat(root);
	if (!info.isDirectory()) return [root];
	const entries = await readdir(root, { withFileTypes: true });
	const nested = await Promise.all(
		entries.map((entry) => {
			const path = join(root, entry.name);
			if (entry.isDirectory()) return listYamlFiles(path);
			return Promise.resolve(entry.isFile() && isYaml(entry.name) ? [path] : []);
		})
	);
	return nested.flat();
};

const readContentFile = async (path: string): Promise<ContentFile> => {
	const { size } = await stat(path);
	if (size > MAX_CONTENT_FILE_BYTES) return { path, text: '', byteLength: size };
	return { path, text: await readFile(path, 'utf8') };
};
