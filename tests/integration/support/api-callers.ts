import { HttpClient } from './http-client';

/** A way of calling the JSON API as one person: a browser session, or a script with a personal access token. */
export interface ApiCaller {
	via: 'session cookie' | 'access token';
	json: <T = any>(path: string, init?: RequestInit) => Promise<{ status: number; body: T }>;
	request: (path: string, init?: RequestInit) => Promise<Response>;
	post: <T = any>(path: string, body: unknown) => Promise<{ status: number; body: T }>;
}

/** A token caller can also call another instance on the same database. */
export interface TokenCaller extends ApiCaller {
	at: (baseUrl: string) => ApiCaller;
}

const tokenFrom = (html: string) => html.match(/value="(rpt_[A-Za-z0-9_-]+)"/)?.[1];

const withJson = (body: unknown): RequestInit => ({
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(body)
});

export async function sessionCaller(baseUrl: string, email: string): Promise<ApiCaller> {
	const client = new HttpClient(baseUrl);
	await client.signIn(email);
	return {
		via: 'session cookie',
		json: (path, init) => client.json(path, init),
		request: (path, init) => client.request(path, init),
		post: (path, body) => client.json(path, withJson(body))
	};
}

/** Makes a token on the profile page, as a person would, then calls with only the bearer header. */
export async function tokenCaller(baseUrl: string, email: string): Promise<TokenCaller> {
	const browser = new HttpClient(baseUrl);
	await browser.signIn(email);
	const token = tokenFrom(await (await browser.submit('/profile?/createToken', { name: 'api test' })).text());
	if (!token) throw new Error(`no token was shown to ${email}`);
	const auth = (init: RequestInit = {}): RequestInit => ({
		...init,
		headers: { ...Object.fromEntries(new Headers(init.headers)), authorization: `Bearer ${token}` }
	});
	const at = (url: string): ApiCaller => {
		const script = new HttpClient(url);
		return {
			via: 'access token',
			json: (path, init) => script.json(path, auth(init)),
			request: (path, init) => script.request(path, auth(init)),
			post: (path, body) => script.json(path, auth(withJson(body)))
		};
	};
	return { ...at(baseUrl), at };
}

/** Plays an attempt to its end through the API, always taking the first option offered. */
export async function playToEnd(caller: ApiCaller, attemptId: string, firstSeq = 0, maxSteps = 60) {
	let seq = firstSeq;
	let turn = (await caller.json(`/api/v1/attempts/${attemptId}`)).body.turn;
	for (let i = 0; turn && i < maxSteps; i++) {
		const { status, body } = await caller.post(`/api/v1/attempts/${attemptId}/steps`, { seq, optionId: turn.options[0].id });
		if (status !== 200) throw new Error(`step ${seq} answered ${status}: ${JSON.stringify(body)}`);
		({ seq, turn } = body);
	}
	return seq;
}
