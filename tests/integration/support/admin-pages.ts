import type { HttpClient } from './http-client';

/** The id of the person on the admin people page, read the way a browser would see it. */
export async function personIdOnPeoplePage(admin: HttpClient, email: string): Promise<string> {
	const html = await (await admin.request('/admin/people')).text();
	const row = html.split('<tr').find((r) => r.includes(`>${email}<`));
	const id = row?.match(/name="userId" value="([0-9a-f-]{36})"/)?.[1];
	if (!id) throw new Error(`${email} is not on the people page`);
	return id;
}

export async function signedInAs(client: HttpClient, email: string, password = 'rapport-demo') {
	const response = await client.signIn(email, password);
	if (response.status !== 302) throw new Error(`${email} could not sign in: ${response.status}`);
	return client;
}
