import type { RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { app } from '../app';
import type { Database } from '../db/schema';
import { clearLimit, isKnownAddress, pruneLimits, readLimit, recordLimitFailure, rememberAddress } from '../db/sign-in-limits';
import { normaliseEmail } from '../db/users';
import { log } from '../log';
import { limitRules, lockRemainingS, waitText } from './sign-in-limit-policy';

// An address someone signed in from within this long is theirs: their account's lock does not apply there.
const KNOWN_ADDRESS_S = 30 * 24 * 60 * 60;
const DAY_MS = 24 * 60 * 60 * 1000;

const accountKey = (email: string) => `account:${normaliseEmail(email)}`;
const addressKey = (address: string) => `address:${address}`;

/** The caller's address as adapter-node sees it (ADDRESS_HEADER and XFF_DEPTH behind a proxy). */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

const rules = () => limitRules(app().config.signInLimit);

/** Seconds the caller must wait before trying `email` from `address` again; 0 when they may try now. */
export async function signInWaitS(db: Kysely<Database>, email: string, address: string, now = Date.now()): Promise<number> {
	const byAddress = lockRemainingS(await readLimit(db, addressKey(address)), now);
	if (byAddress > 0) return byAddress;
	const byAccount = lockRemainingS(await readLimit(db, accountKey(email)), now);
	if (byAccount === 0) return 0;
	return (await isKnownAddress(db, normaliseEmail(email), address, now - KNOWN_ADDRESS_S * 1000)) ? 0 : byAccount;
}

/** Counts a failed sign-in against the account and the address; a success clears the account's count and remembers the address. */
export async function noteSignInResult(db: Kysely<Database>, email: string, address: string, succeeded: boolean, now = Date.now()) {
	if (succeeded) {
		// The address's count stays: signing in to one's own account must not reset the budget for guessing others.
		await clearLimit(db, accountKey(email));
		await rememberAddress(db, normaliseEmail(email), address, now);
		return;
	}
	const { account, address: addressRule } = rules();
	const byAccount = await recordLimitFailure(db, accountKey(email), account, now);
	const byAddress = await recordLimitFailure(db, addressKey(address), addressRule, now);
	if (lockRemainingS(byAccount, now) > 0 || lockRemainingS(byAddress, now) > 0) {
		log.warn('sign-in limit reached', { accountLockS: lockRemainingS(byAccount, now), addressLockS: lockRemainingS(byAddress, now) });
	}
	if (Math.random() < 0.02) await pruneLimits(db, now - DAY_MS);
}

export const tooManyMessage = (waitS: number) =>
	`Too many sign-in attempts. Wait ${waitText(waitS)} and try again, or ask an admin to reset your password.`;
