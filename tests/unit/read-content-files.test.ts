import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTENT_FILE_BYTES } from '$lib/content/content-limits';
import { readContentFiles } from '$lib/server/content/read-content-files';

let root: string;
beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'rapport-content-'));
	await mkdir(join(root, 'scenarios', 'leadership'), { recursive: true });
	await writeFile(join(root, 'scenarios', 'leadership', 'a.yaml'), 'id: a\n');
	await writeFile(join(root, 'scenarios', 'b.yml'), 'id: b\n');
	await writeFile(join(root, 'scenarios', 'notes.txt'), 'not content');
	await writeFile(join(root, 'huge.yaml'), Buffer.alloc(MAX_CONTENT_FILE_BYTES + 1, 'x'));
	await symlink(join(root, 'scenarios'), join(root, 'linked'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('readContentFiles', () => {
	it('reads YAML files recursively, sorted by path, skipping other files and links', async () => {
		const files = await readContentFiles([root]);
		expect(files.map((f) => f.path.slice(root.length + 1))).toEqual(['huge.yaml', 'scenarios/b.yml', 'scenarios/leadership/a.yaml']);
		expect(files[2].text).toBe('id: a\n');
	});

	it('does not read a file over the size limit, reporting its size instead', async () => {
		const [huge] = await readContentFiles([join(root, 'huge.yaml')]);
		expect(huge).toEqual({ path: join(root, 'huge.yaml'), text: '', byteLength: MAX_CONTENT_FILE_BYTES + 1 });
	});
});
