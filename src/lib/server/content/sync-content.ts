import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkLibrary } from '../../content/check-library';
import type { ContentFile } from '../../content/content-limits';
import { parseContentFile } from '../../content/parse-content-file';
import { formatProblem } from '../../content/problem';
import { insertNextVersion, latestVersions } from '../db/content-versions';
import type { ContentKind, Database } from '../db/schema';
import { log } from '../log';
import { readContentFiles } from './read-content-files';

export const contentHash = (source: string) => createHash('sha256').update(source).digest('hex');

export interface SyncReport {
	added: string[];
	unchanged: number;
	problems: string[];
}

/**
 * Loads the content folder into the database as published versions. A file whose text has not
 * changed since it was last loaded adds nothing; an invalid file is reported and skipped, and the
 * last good version stays in place. Rubrics first, since scenarios are checked against them;
 * badges last, since they name all three.
 */
export async function syncContentFolder(db: Kysely<Database>, contentDir: string): Promise<SyncReport> {
	let files: ContentFile[];
	try {
		files = await readContentFiles([contentDir]);
	} catch (e) {
		log.warn('content folder could not be read', { contentDir, error: (e as Error).message });
		return { added: [], unchanged: 0, problems: [] };
	}
	const library = checkLibrary(files);
	const valid = new Set([
		...library.rubrics.map((r) => `rubric:${r.id}`),
		...library.scenarios.map((s) => `scenario:${s.id}`),
		...library.tracks.map((t) => `track:${t.id}`),
		...library.badges.map((b) => `badge:${b.id}`)
	]);
	const report: SyncReport = { added: [], unchanged: 0, problems: library.problems.map(formatProblem) };
	for (const line of report.problems) log.warn('content problem: file skipped', { problem: line });

	const entries = files.flatMap((file) => {
		const parsed = parseContentFile(file).parsed;
		return parsed && valid.has(`${parsed.kind}:${parsed.value.id}`) ? [{ file, parsed }] : [];
	});
	for (const kind of ['rubric', 'scenario', 'track', 'badge'] as ContentKind[]) {
		const fromFiles = new Map((await latestVersions(db, kind, { origin: 'file' })).map((v) => [v.id, v.contentHash]));
		for (const { file, parsed } of entries.filter((e) => e.parsed.kind === kind)) {
			const hash = contentHash(file.text);
			if (fromFiles.get(parsed.value.id) === hash) {
				report.unchanged += 1;
				continue;
			}
			const version = await insertNextVersion(db, kind, {
				id: parsed.value.id,
				title: parsed.value.title,
				source: file.text,
				definition: parsed.value,
				contentHash: hash,
				origin: 'file',
				status: 'published'
			});
			if (version) report.added.push(`${kind} ${parsed.value.id} v${version}`);
		}
	}
	return report;
}
