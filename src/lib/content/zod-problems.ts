import type { z } from 'zod';
import { problemAt, type Problem } from './problem';
import type { SourceLocator, YamlPath } from './yaml-positions';

type Issue = z.core.$ZodIssue;

/** Turns zod's issues into trainer-readable problems placed on the offending key or value. */
export const problemsFromZod = (issues: readonly Issue[], data: unknown, locate: SourceLocator, file: string): Problem[] =>
	issues.flatMap((issue) => {
		const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
		if (issue.code === 'unrecognized_keys') {
			const where = path.length ? ` in ${describePath(path)}` : '';
			return issue.keys.map((key) => problemAt(file, locate([...path, key], 'key'), `unknown key "${key}"${where}`));
		}
		const value = valueAt(data, path);
		if (issue.code === 'invalid_type' && value === undefined && path.length > 0) {
			const parent = path.slice(0, -1);
			const where = parent.length ? ` in ${describePath(parent)}` : '';
			return [problemAt(file, locate(parent, 'key'), `missing required key "${String(path.at(-1))}"${where}`)];
		}
		const at = issue.code === 'invalid_key' ? locate(path, 'key') : locate(path);
		return [problemAt(file, at, `${describePath(path) || 'file'}: ${messageFor(issue, value)}`)];
	});

const messageFor = (issue: Issue, value: unknown): string => {
	switch (issue.code) {
		case 'invalid_type':
			return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${describeValue(value)}`;
		case 'invalid_value':
			return `${JSON.stringify(value)} is not allowed; use one of: ${issue.values.map(String).join(', ')}`;
		case 'too_small':
			return tooSmall(issue.origin, issue.minimum);
		case 'too_big':
			return issue.origin === 'array' ? `allows at most ${issue.maximum} items` : `must be at most ${issue.maximum}`;
		case 'invalid_key':
			return issue.issues[0]?.message ?? issue.message;
		case 'invalid_union':
			return 'options' in issue && Array.isArray(issue.options)
				? `kind must be one of: ${issue.options.map(String).join(', ')}`
				: issue.message;
		default:
			return issue.message;
	}
};

const tooSmall = (origin: string, minimum: number | bigint): string => {
	if (origin === 'array') return `needs at least ${minimum} item${Number(minimum) === 1 ? '' : 's'}`;
	if (origin === 'string') return 'must not be empty';
	return `must be at least ${minimum}`;
};

const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'a set of key: value lines',
	array: 'a list',
	record: 'a set of key: value lines'
};

const describeValue = (value: unknown): string => {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a set of key: value lines';
	if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the decimal ${value}`;
	return String(value);
};

/** `nodes.greeting.options[1].go`: the same path a trainer would follow through the file. */
export const describePath = (path: YamlPath): string =>
	path.reduce<string>((label, s) => (typeof s === 'number' ? `${label}[${s}]` : label ? `${label}.${s}` : s), '');

const valueAt = (data: unknown, path: YamlPath): unknown =>
	path.reduce<unknown>((node, s) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined), data);
