/**
 * One CSV cell, safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or carriage
 * return) would run as a formula, so it gets a leading apostrophe (OWASP's CSV-injection advice);
 * then it is quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]): string => `${cells.map(csvCell).join(',')}\r\n`;
