import { z } from 'zod';
import { normaliseEmail } from '../db/users';

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
	const [startedAt, id] = Buffer.from(raw, 'base64url').toString().split('|');
	if (!startedAt || !id || Number.isNaN(Date.parse(startedAt))) {
		ctx.addIssue({ code: 'custom', message: 'Unknown cursor' });
		return z.NEVER;
	}
	return { startedAt, id };
});

export const StatementQuery = z.object({
	since: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional(),
	agent: agentEmail.optional(),
	cursor: cursor.optional()
});

export const encodeCursor = (c: { startedAt: string; id: string }) => Buffer.from(`${c.startedAt}|${c.id}`).toString('base64url');
