import type { ParamMatcher } from '@sveltejs/kit';

/** Credential ids are UUIDs; anything else (like "abc.json") is left to the routes that expect it. */
export const match = ((param: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(param)) satisfies ParamMatcher;
