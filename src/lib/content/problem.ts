/** One thing wrong in a content file, pointing at the exact spot a trainer must fix. */
export type Problem = {
	path: string;
	line: number;
	column: number;
	message: string;
	severity: 'error';
};

export type Position = { line: number; column: number };

export const problemAt = (path: string, at: Position, message: string): Problem => ({
	path,
	line: at.line,
	column: at.column,
	message,
	severity: 'error'
});

/** The `path:line:col: message` shape editors and CI logs turn into clickable links. */
export const formatProblem = (p: Problem): string => `${p.path}:${p.line}:${p.column}: ${p.message}`;

export const compareProblems = (a: Problem, b: Problem): number =>
	a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);
