/** Request bodies the JSON API must refuse politely: raw text of any type, and bodies with no Content-Length. */
export const raw = (body: string, contentType = 'application/json'): RequestInit => ({
	method: 'POST',
	headers: { 'content-type': contentType },
	body
});

/** A body streamed in chunks, so the request carries no Content-Length the server could check first. */
export const chunked = (bytes: number): RequestInit =>
	({
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: new ReadableStream({
			start(controller) {
				const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
				for (let sent = 0; sent < bytes; sent += chunk.length) controller.enqueue(chunk);
				controller.close();
			}
		}),
		duplex: 'half'
	}) as RequestInit;
