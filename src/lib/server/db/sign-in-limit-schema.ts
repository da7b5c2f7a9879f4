/* Tables of sign-in rate limiting (issue 10); part of the one `Database` in schema.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SignInLimitTables {}
