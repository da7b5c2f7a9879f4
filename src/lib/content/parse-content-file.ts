import { isAlias, isMap, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { contentByteLength, formatKiB, MAX_CONTENT_FILE_BYTES, MAX_YAML_ALIAS_COUNT, type ContentFile } from './content-limits';
import { Badge } from './badge-schema';
import { problemAt, type Problem } from './problem';
import { Rubric } from './rubric-schema';
import { Scenario } from './scenario-schema';
import { Track } from './track-schema';
import { createLocator, type SourceLocator } from './yaml-positions';
import { problemsFromZod } from './zod-problems';

export type ContentKind = 'scenario' | 'rubric' | 'track' | 'badge';

type Parsed<K extends ContentKind, T> = { kind: K; path: string; value: T; raw: unknown; locate: SourceLocator };
export type ParsedFile = Parsed<'scenario', Scenario> | Parsed<'rubric', Rubric> | Parsed<'track', Track> | Parsed<'badge', Badge>;

export type ParseOutcome = { parsed?: ParsedFile; problems: Problem[] };

const FOLDERS: Record<string, ContentKind> = { scenarios: 'scenario', rubrics: 'rubric', tracks: 'track', badges: 'badge' };

/** The folder decides what a file is, so trainers never write a `kind:` line. */
export const kindOfPath = (path: string): ContentKind | undefined => {
	const folders = path.split(/[\\/]/).slice(0, -1);
	const folder = folders.reverse().find((f) => f in FOLDERS);
	return folder ? FOLDERS[folder] : undefined;
};

const TOP = { line: 1, column: 1 };

export const parseContentFile = (file: ContentFile): ParseOutcome => {
	const fail = (message: string, at = TOP): ParseOutcome => ({ problems: [problemAt(file.path, at, message)] });

	const bytes = contentByteLength(file);
	if (bytes > MAX_CONTENT_FILE_BYTES)
		return fail(`file is ${formatKiB(bytes)}; content files may be at most ${formatKiB(MAX_CONTENT_FILE_BYTES)}, so it was not read`);

	const kind = kindOfPath(file.path);
	if (!kind) return fail('cannot tell what this file is: put it under scenarios/<family>/, rubrics/, tracks/ or badges/');

	const lineCounter = new LineCounter();
	const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const toPosition = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return { line, column: col };
	};
	if (doc.errors.length > 0)
		return { problems: doc.errors.map((e) => problemAt(file.path, toPosition(e.pos[0]), yamlMessage(e.code, e.message))) };

	let raw: unknown;
	try {
		raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
	} catch (error) {
		if (!(error instanceof ReferenceError)) throw error;
		const offset = firstAliasOffset(doc);
		return fail(
			`too many YAML aliases (*name) expand here, which looks like an alias bomb; the file was refused (at most ${MAX_YAML_ALIAS_COUNT} expansions)`,
			offset === undefined ? TOP : toPosition(offset)
		);
	}

	if (!isMap(doc.contents)) return fail(`a ${kind} file must be a set of key: value lines, starting with id:`);
	// `&x [*x]` makes a value that contains itself; the checks below would walk it forever.
	if (containsItself(raw)) {
		const offset = firstAliasOffset(doc);
		return fail('a YAML alias (*name) refers to a block it is inside, which makes an endless loop; the file was refused', offset === undefined ? TOP : toPosition(offset));
	}

	const locate = createLocator(doc, lineCounter);
	const schema = { scenario: Scenario, rubric: Rubric, track: Track, badge: Badge }[kind];
	const result = schema.safeParse(raw);
	if (!result.success) return { problems: problemsFromZod(result.error.issues, raw, locate, file.path) };
	return { parsed: { kind, path: file.path, value: result.data, raw, locate } as ParsedFile, problems: [] };
};

const yamlMessage = (code: string, message: string): string =>
	code === 'DUPLICATE_KEY' ? 'this key appears twice in the same block; keys must be unique' : `YAML syntax: ${message}`;

const firstAliasOffset = (doc: Document): number | undefined => {
	let offset: number | undefined;
	visit(doc, {
		Alias(_, node) {
			if (isAlias(node) && node.range) offset = node.range[0];
			return visit.BREAK;
		}
	});
	return offset;
};

const containsItself = (value: unknown, ancestors = new Set<object>()): boolean => {
	if (value === null || typeof value !== 'object') return false;
	if (ancestors.has(value)) return true;
	ancestors.add(value);
	const found = Object.values(value).some((child) => containsItself(child, ancestors));
	ancestors.delete(value);
	return found;
};
