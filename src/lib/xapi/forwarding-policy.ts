/**
 * How the LRS forwarder reacts to an answer. Pure: the clock and the random draw come in.
 * 2xx: sent. 429 and 5xx (and no answer at all): try again later. Any other 4xx: the LRS
 * refuses this statement, and sending it again unchanged would be refused again, so park it.
 */
export type Verdict = 'sent' | 'retry' | 'park';

export function verdictFor(status: number | null): Verdict {
	if (status === null) return 'retry';
	if (status >= 200 && status < 300) return 'sent';
	if (status === 429 || status >= 500) return 'retry';
	return 'park';
}

/**
 * Exponential backoff with full jitter: a random wait up to base·2^tries, capped, so many
 * instances that failed together do not all come back in the same instant.
 */
export function backoffMs(tries: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }, random: number): number {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(tries, 30));
	return Math.max(baseMs, Math.round(ceiling * random));
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `nowMs`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
	if (!header) return undefined;
	const trimmed = header.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const at = Date.parse(trimmed);
	return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const HOUR_MS = 3_600_000;

/** When to try again: when the LRS's Retry-After says (at most an hour away), else the backoff. */
export function nextTryDelayMs(tries: number, retryAfter: number | undefined, policy: { baseMs: number; maxMs: number }, random: number): number {
	if (retryAfter !== undefined) return Math.min(Math.max(retryAfter, policy.baseMs), HOUR_MS);
	return backoffMs(tries, policy, random);
}
