/** One place for "now", so repositories stay consistent about timestamp format (ISO-8601 UTC). */
export const nowIso = (): string => new Date().toISOString();

export const addSeconds = (iso: string, seconds: number): string =>
	new Date(Date.parse(iso) + seconds * 1000).toISOString();

export const newId = (): string => crypto.randomUUID();
