import { MAX_CONTENT_FILE_BYTES } from '../content/content-limits';
import { readLimited, type BodyResult } from './json-body';

/**
 * Reads a content file sent as the body. Only YAML content types are accepted (415), and no
 * more than a content file may hold (413), checked before and while reading.
 */
export async function readYamlBody(request: Request, maxBytes = MAX_CONTENT_FILE_BYTES): Promise<BodyResult<string>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^(application|text)\/(x-)?yaml\b/i.test(type)) return { ok: false, status: 415, message: 'Send the content file as application/yaml' };
	const tooBig = { ok: false, status: 413, message: `A content file may be at most ${maxBytes / 1024} KiB` } as const;
	// Read (and drop) even a body announced as too big: answering mid-upload would leave the
	// connection in a state where the client never sees the 413.
	const text = await readLimited(request, maxBytes);
	return text === undefined ? tooBig : { ok: true, value: text };
}

/** `If-Match: "<revision>"` → the revision; `*` or absent means "whatever is there". */
export const ifMatchRevision = (request: Request): string | undefined => {
	const value = request.headers.get('if-match')?.trim();
	if (!value || value === '*') return undefined;
	return value.replace(/^W\//, '').replace(/^"|"$/g, '');
};
