import { percentile } from '../percentile';

export interface PageTiming {
	page: string;
	path: string;
	/** p95 of the time to the whole body (or to the first byte, for the streamed export), as a client sees it. */
	p95Ms: number;
	p50Ms: number;
	/** p95 of the server's own figure (the Server-Timing header), when it sends one. */
	serverP95Ms: number | null;
	status: number;
	bytes: number;
	measures: 'full body' | 'first byte';
}

const serverDuration = (response: Response): number | null => {
	const dur = response.headers.get('server-timing')?.match(/dur=([\d.]+)/)?.[1];
	return dur === undefined ? null : Number(dur);
};

/**
 * Requests made before measuring: the first load of a route imports its code and fills caches,
 * and V8 optimises a page's render and serialisation only after it has run them a few times.
 */
const WARM_UP = 10;

/** One page, one request at a time (so the figure is the page's own cost, not queueing), after warming up. */
export async function timePage(baseUrl: string, token: string, page: string, path: string, samples: number, firstByteOnly = false): Promise<PageTiming> {
	const headers = { authorization: `Bearer ${token}` };
	const times: number[] = [];
	const serverTimes: number[] = [];
	let status = 0;
	let bytes = 0;
	for (let i = 0; i < samples + WARM_UP; i++) {
		const started = performance.now();
		const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual' });
		let elapsed: number;
		if (firstByteOnly) {
			const reader = response.body!.getReader();
			const first = await reader.read();
			elapsed = performance.now() - started;
			bytes = first.value?.length ?? 0;
			await reader.cancel();
		} else {
			bytes = (await response.arrayBuffer()).byteLength;
			elapsed = performance.now() - started;
		}
		status = response.status;
		if (status !== 200) throw new Error(`${page} (${path}) answered ${status}`);
		if (i < WARM_UP) continue;
		times.push(elapsed);
		const server = serverDuration(response);
		if (server !== null) serverTimes.push(server);
	}
	return {
		page,
		path,
		p95Ms: percentile(times, 95),
		p50Ms: percentile(times, 50),
		serverP95Ms: serverTimes.length ? percentile(serverTimes, 95) : null,
		status,
		bytes,
		measures: firstByteOnly ? 'first byte' : 'full body'
	};
}

/** The whole streamed body once: how long a full export takes. */
export async function timeFullDownload(baseUrl: string, token: string, path: string): Promise<{ seconds: number; bytes: number }> {
	const started = performance.now();
	const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
	const bytes = (await response.arrayBuffer()).byteLength;
	return { seconds: Math.round((performance.now() - started) / 100) / 10, bytes };
}
