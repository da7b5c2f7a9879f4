/** A tiny cookie-keeping client, so tests speak to the server as a browser or a script would. */
export class HttpClient {
	private cookies = new Map<string, string>();

	constructor(readonly baseUrl: string) {}

	get cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/** Copies this client's cookies, e.g. to replay them after sign-out. */
	snapshot(): HttpClient {
		const copy = new HttpClient(this.baseUrl);
		copy.cookies = new Map(this.cookies);
		return copy;
	}

	async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookies.size) headers.set('cookie', this.cookieHeader);
		headers.set('origin', this.baseUrl);
		let body = init.body;
		if (init.form) {
			body = new URLSearchParams(init.form);
			headers.set('content-type', 'application/x-www-form-urlencoded');
		}
		const response = await fetch(this.baseUrl + path, { ...init, headers, body, redirect: 'manual' });
		for (const cookie of response.headers.getSetCookie()) {
			const [pair, ...attributes] = cookie.split(';');
			const [name, ...rest] = pair.split('=');
			const value = rest.join('=');
			const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()) || /max-age=0/i.test(a.trim()));
			if (expired || value === '') this.cookies.delete(name.trim());
			else this.cookies.set(name.trim(), value);
		}
		return response;
	}

	/** Signs in the way scripts do (interfaces.md): Auth.js's credentials callback. */
	async signIn(email: string, password = 'rapport-demo'): Promise<Response> {
		return this.request('/auth/callback/credentials', { method: 'POST', form: { email, password } });
	}

	/** Submits a page's form action the way a browser without JavaScript does. */
	async submit(path: string, form: Record<string, string>): Promise<Response> {
		return this.request(path, { method: 'POST', form, headers: { accept: 'text/html' } });
	}

	async json<T = any>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
		const response = await this.request(path, init);
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : (undefined as T) };
	}
}
