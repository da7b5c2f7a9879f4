import type { Kysely } from 'kysely';
import type { LimitRule, LimitState } from '../auth/sign-in-limit-policy';
import { afterFailure } from '../auth/sign-in-limit-policy';
import type { Database } from './schema';

const toIso = (ms: number) => new Date(ms).toISOString();

export async function readLimit(db: Kysely<Database>, key: string): Promise<LimitState | undefined> {
	const row = await db.selectFrom('sign_in_limit').selectAll().where('key', '=', key).executeTakeFirst();
	return (
		row && {
			failures: Number(row.failures),
			windowStartedAt: Date.parse(row.window_started_at),
			lockedUntil: row.locked_until ? Date.parse(row.locked_until) : null,
			lockCount: Number(row.lock_count)
		}
	);
}

/**
 * Counts one failure against `key`. Read-then-write: two instances failing the same key at the same
 * instant may count once, which lets at most one extra guess through per race, never a lock-out.
 */
export async function recordLimitFailure(db: Kysely<Database>, key: string, rule: LimitRule, now: number): Promise<LimitState> {
	const next = afterFailure(await readLimit(db, key), now, rule);
	const values = {
		failures: next.failures,
		window_started_at: toIso(next.windowStartedAt),
		locked_until: next.lockedUntil === null ? null : toIso(next.lockedUntil),
		lock_count: next.lockCount,
		updated_at: toIso(now)
	};
	await db
		.insertInto('sign_in_limit')
		.values({ key, ...values })
		.onConflict((oc) => oc.column('key').doUpdateSet(values))
		.execute();
	return next;
}

export async function clearLimit(db: Kysely<Database>, key: string) {
	await db.deleteFrom('sign_in_limit').where('key', '=', key).execute();
}

export async function rememberAddress(db: Kysely<Database>, email: string, address: string, now: number) {
	await db
		.insertInto('sign_in_known_address')
		.values({ email, address, last_success_at: toIso(now) })
		.onConflict((oc) => oc.columns(['email', 'address']).doUpdateSet({ last_success_at: toIso(now) }))
		.execute();
}

/** Whether `address` signed in to `email` successfully since `sinceMs`. */
export async function isKnownAddress(db: Kysely<Database>, email: string, address: string, sinceMs: number): Promise<boolean> {
	const row = await db
		.selectFrom('sign_in_known_address')
		.select('last_success_at')
		.where('email', '=', email)
		.where('address', '=', address)
		.executeTakeFirst();
	return !!row && row.last_success_at >= toIso(sinceMs);
}

/** Drops counters untouched since `beforeMs`, so the table does not grow with every address ever seen. */
export async function pruneLimits(db: Kysely<Database>, beforeMs: number) {
	await db.deleteFrom('sign_in_limit').where('updated_at', '<', toIso(beforeMs)).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', toIso(beforeMs))])).execute();
}
