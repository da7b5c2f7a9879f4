import type { z } from 'zod';

export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** PostgreSQL text cannot hold U+0000, so a query with it fails; no id or name can contain it. */
export const hasNul = (value: unknown): boolean =>
	typeof value === 'string' ? value.includes('\u0000') : value !== null && typeof value === 'object' && Object.values(value).some(hasNul);

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 | 415; message: string };

const refuse = (status: 400 | 413 | 415, message: string): BodyResult<never> => ({ ok: false, status, message });

/**
 * Keeps at most `maxBytes` of the body, so a chunked body without Content-Length cannot make the
 * server buffer more than the limit. The rest is read and dropped rather than cut off: cancelling
 * would reset the connection, and the client would never see the 413. Undefined when too big.
 */
export async function readLimited(request: Request, maxBytes: number): Promise<string | undefined> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size <= maxBytes) chunks.push(value);
		}
	} catch {
		// The server's own body limit (BODY_SIZE_LIMIT) ends the stream with an error: too big as well.
		return undefined;
	}
	return size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads a small JSON body and validates it. Refuses other content types (415), oversized bodies
 * (413) and anything that does not parse or match the schema (400), before any work is done.
 */
export async function readJsonBody<T extends z.ZodType>(
	request: Request,
	schema: T,
	maxBytes = MAX_JSON_BODY_BYTES
): Promise<BodyResult<z.output<T>>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/(.+\+)?json\b/i.test(type)) return refuse(415, 'Send the body as application/json');
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return refuse(413, `The body may be at most ${maxBytes} bytes`);
	const text = await readLimited(request, maxBytes);
	if (text === undefined) return refuse(413, `The body may be at most ${maxBytes} bytes`);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return refuse(400, 'The body is not valid JSON');
	}
	// U+0000 is valid JSON but no text column on PostgreSQL can hold it (found by fuzzing).
	if (hasNul(data)) return refuse(400, 'Text may not contain the NUL character (\\u0000)');
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return refuse(400, `${issue.path.join('.') || 'body'}: ${issue.message}`);
	}
	return { ok: true, value: parsed.data };
}
