import type { Invalid, Stale } from './content-authoring';

/** The extra fields an API error carries: problems for 422, the current version for 409. */
export function problemsBody(result: { error: string } | Invalid | Stale): Record<string, unknown> {
	if ('problems' in result) return { problems: result.problems.map(({ line, column, message }) => ({ line, column, message })) };
	if ('current' in result) return { current: result.current };
	return {};
}
