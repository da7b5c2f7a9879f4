import { z } from 'zod';
import { normaliseEmail } from '../db/users';
import type { FeedCursor } from './statement-feed';

/** `agent` is an xAPI Agent as JSON (`{"mbox":"mailto:…"}`), or just its mbox or email. */
const agentEmail = z.string().transform((raw, ctx) => {
	let mbox: unknown = raw;
	if (raw.trim().startsWith('{')) {
		try {
			mbox = (JSON.parse(raw) as { mbox?: unknown }).mbox;
		} catch {
			mbox = undefined;
		}
	}
	const email = typeof mbox === 'string' ? mbox.replace(/^mailto:/i, '') : '';
	if (!z.email().safeParse(email).success) {
		ctx.addIssue({ code: 'custom', message: 'agent must be an xAPI Agent with an mbox, or an mbox' });
		return z.NEVER;
	}
	return normaliseEmail(email);
});

const cursor = z.string().transform((raw, ctx) => {
	const [phase, key, id] = Buffer.from(raw, 'base64url').toString().split('|');
	if ((phase !== 'attempts' && phase !== 'certifications') || !key || !id || Number.isNaN(Date.parse(key))) {
		ctx.addIssue({ code: 'custom', message: 'Unknown cursor' });
		return z.NEVER;
	}
	return { phase, key, id } as FeedCursor;
});

export const StatementQuery = z.object({
	since: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional(),
	agent: agentEmail.optional(),
	cursor: cursor.optional()
});

export const encodeCursor = (c: FeedCursor) => Buffer.from(`${c.phase}|${c.key}|${c.id}`).toString('base64url');
