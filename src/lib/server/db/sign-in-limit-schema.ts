/* Tables of sign-in rate limiting (issue 10); part of the one `Database` in schema.ts. */

/** One failure counter per key: `account:<email>` or `address:<client address>`. In the database so every instance shares it. */
export interface SignInLimitTable {
	key: string;
	failures: number;
	window_started_at: string;
	locked_until: string | null;
	lock_count: number;
	updated_at: string;
}

/** Addresses a person signed in from successfully: their account's lock does not apply there. */
export interface SignInKnownAddressTable {
	email: string;
	address: string;
	last_success_at: string;
}

export interface SignInLimitTables {
	sign_in_limit: SignInLimitTable;
	sign_in_known_address: SignInKnownAddressTable;
}
