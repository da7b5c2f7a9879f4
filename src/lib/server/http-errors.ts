import { isHttpError, json, type RequestEvent } from '@sveltejs/kit';

/** The domain's expected failures. Only this module maps them to HTTP statuses. */
export type ErrorCode =
	| 'malformed'
	| 'not-found'
	| 'forbidden'
	| 'conflict'
	| 'stale-seq'
	| 'invalid'
	| 'option-not-offered'
	| 'finished';

export type Result<T, E extends ErrorCode = ErrorCode> =
	| { ok: true; value: T }
	| { ok: false; error: E; message: string };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const failure = <E extends ErrorCode>(error: E, message: string): Result<never, E> => ({
	ok: false,
	error,
	message
});

const STATUS: Record<ErrorCode, number> = {
	malformed: 400,
	forbidden: 403,
	'not-found': 404,
	conflict: 409,
	'stale-seq': 409,
	finished: 409,
	invalid: 422,
	'option-not-offered': 422
};

export const statusFor = (code: ErrorCode): number => STATUS[code];

export const apiError = (result: { error: ErrorCode; message: string }, extra: Record<string, unknown> = {}) =>
	json({ error: result.message, ...extra }, { status: statusFor(result.error) });

export const jsonError = (status: number, message: string) => json({ error: message }, { status });

/** JSON endpoints answer `{"error"}` even for errors thrown by access checks (`error(403, …)`). */
export const endpoint =
	<E extends RequestEvent>(handler: (event: E) => Promise<Response> | Response) =>
	async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (e) {
			if (isHttpError(e)) return jsonError(e.status, e.body.message);
			throw e;
		}
	};
