import { HttpClient } from '../http-client';
import { CALLER_EMAIL, RECORD_OWNERS, type Caller, type Fixtures, type Owner } from './fixtures';
import type { RouteEntry } from './route-tree';
import type { Rule } from './route-rules';

/** One request of the matrix: an entry, asked by one caller, about one person's record (when the URL names one). */
export interface Probe {
	entry: RouteEntry;
	rule: Rule;
	caller: Caller;
	owner?: Owner;
	allowed: boolean;
}

const namesRecord = (rule: Rule) => Object.values(rule.params ?? {}).some((p) => 'record' in p);

export function probesFor(entry: RouteEntry, rule: Rule, callers: readonly Caller[]): Probe[] {
	return callers.flatMap((caller) => {
		const mayCall = rule.who === 'everyone' || (caller !== 'anonymous' && (rule.who === 'signed-in' || rule.who.includes(caller)));
		if (!namesRecord(rule)) return [{ entry, rule, caller, allowed: mayCall }];
		return (Object.keys(RECORD_OWNERS[caller]) as Owner[]).map((owner) => {
			const reaches = caller !== 'anonymous' && (rule.records?.[caller] ?? ['own']).includes(owner);
			return { entry, rule, caller, owner, allowed: mayCall && reaches };
		});
	});
}

export function urlOf(probe: Probe, fixtures: Fixtures): string {
	const { entry, rule, caller, owner } = probe;
	let path = entry.pattern;
	for (const name of entry.params) {
		const source = rule.params?.[name];
		if (!source) throw new Error(`${entry.key}: the rule gives no value for [${name}]`);
		let value: string;
		if ('record' in source) value = fixtures.records[RECORD_OWNERS[caller][owner!]!][source.record];
		else if ('value' in source) value = fixtures.values[source.value];
		else value = source.literal;
		if (!value) throw new Error(`${entry.key}: no fixture value for [${name}]`);
		path = path.replace(new RegExp(`\\[(\\.\\.\\.)?${name}\\]`), encodeURIComponent(value));
	}
	if (entry.kind === 'action') path += entry.action === 'default' ? '' : `?/${entry.action}`;
	return path;
}

async function clientFor(probe: Probe, fixtures: Fixtures): Promise<HttpClient> {
	if (!probe.rule.freshSession || probe.caller === 'anonymous') return fixtures.clients[probe.caller];
	const client = new HttpClient(fixtures.server.url);
	await client.signIn(CALLER_EMAIL[probe.caller]);
	return client;
}

export async function send(probe: Probe, fixtures: Fixtures): Promise<Response> {
	const client = await clientFor(probe, fixtures);
	const url = urlOf(probe, fixtures);
	const { entry, rule } = probe;
	if (entry.kind === 'action') return client.submit(url, rule.form ?? {});
	if (rule.json !== undefined) {
		return client.request(url, { method: entry.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule.json) });
	}
	if (rule.body) return client.request(url, { method: entry.method, headers: { 'content-type': rule.body.type }, body: rule.body.text });
	return client.request(url, { method: entry.method });
}

/** A refusal: 401, 403 or 404, or (for an anonymous visitor to a page) a redirect to sign in. */
export const isRefusal = (probe: Probe, response: Response): boolean =>
	[401, 403, 404].includes(response.status) ||
	(probe.caller === 'anonymous' && response.status === 303 && (response.headers.get('location') ?? '').startsWith('/signin'));

export const describeProbe = (p: Probe) => `${p.caller}${p.owner ? ` on ${p.owner} record` : ''}`;
