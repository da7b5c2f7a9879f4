import { playToEnd, sessionCaller, type ApiCaller } from '../api-callers';
import { HttpClient } from '../http-client';
import type { TestServer } from '../test-server';
import { rawSql } from './raw-sql';

export const CALLERS = ['anonymous', 'learner', 'trainer', 'team_lead', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

/** Whose record an id in the URL names, seen from the caller. */
export type Owner = 'own' | 'teammate' | 'other-team';

/** Who each caller is in the demo organisation: Harbour Team (rep, new hire, lead) and Summit Team (Priya). */
export const CALLER_EMAIL: Record<Exclude<Caller, 'anonymous'>, string> = {
	learner: 'rep@demo.test',
	trainer: 'trainer@demo.test',
	team_lead: 'lead@demo.test',
	admin: 'admin@demo.test'
};

/** For each caller, whose record is "own", "teammate" and "other-team"; a caller on no team has no teammate. */
export const RECORD_OWNERS: Record<Caller, Partial<Record<Owner, string>>> = {
	anonymous: { 'other-team': 'rep@demo.test' },
	learner: { own: 'rep@demo.test', teammate: 'new.hire@demo.test', 'other-team': 'priya.nair@demo.test' },
	trainer: { own: 'trainer@demo.test', 'other-team': 'priya.nair@demo.test' },
	team_lead: { own: 'lead@demo.test', teammate: 'rep@demo.test', 'other-team': 'priya.nair@demo.test' },
	admin: { own: 'admin@demo.test', 'other-team': 'priya.nair@demo.test' }
};

const PLAYERS = [...new Set(Object.values(RECORD_OWNERS).flatMap((o) => Object.values(o)))];

/** A person's records: attempts played through the API (one finished, one in progress), their appeal of the finished one, an assignment to them. */
export interface PersonRecords {
	finishedAttempt: string;
	liveAttempt: string;
	appeal: string;
	assignment: string;
}
export type RecordKind = keyof PersonRecords;

export interface Fixtures {
	/** A signed-in browser per caller (anonymous has no cookies). */
	clients: Record<Caller, HttpClient>;
	/** Per person: records an id in a URL can name. */
	records: Record<string, PersonRecords>;
	/** Values for the other parameters: content ids, a credential. */
	values: Record<string, string>;
	server: TestServer;
}

async function startAttempt(caller: ApiCaller, scenarioId: string) {
	const { status, body } = await caller.post('/api/v1/attempts', { scenarioId });
	if (status !== 201) throw new Error(`could not start ${scenarioId}: ${status} ${JSON.stringify(body)}`);
	return body.id as string;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function recordsOf(server: TestServer, admin: HttpClient, email: string, scenarioId: string): Promise<PersonRecords> {
	const caller = await sessionCaller(server.url, email);
	const finishedAttempt = await startAttempt(caller, scenarioId);
	await playToEnd(caller, finishedAttempt);
	const liveAttempt = await startAttempt(caller, scenarioId);
	const appealed = await caller.request(`/attempts/${finishedAttempt}?/appeal`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ reason: 'The score missed that I verified the caller first.' })
	});
	const [appeal] = await rawSql<{ id: string }>(server.database, 'select id from appeal where attempt_id = $1', [finishedAttempt]);
	if (!appeal) throw new Error(`${email} could not appeal: ${appealed.status}`);
	const assigned = await admin.submit('/assignments/new', {
		content: `scenario:${scenarioId}`,
		targetType: 'user',
		teamId: '',
		email,
		dueOn: inDays(14),
		note: ''
	});
	const assignment = assigned.headers.get('location')?.match(/\/assignments\/([0-9a-f-]{36})$/)?.[1];
	if (!assignment) throw new Error(`could not assign to ${email}: ${assigned.status}`);
	return { finishedAttempt, liveAttempt, appeal: appeal.id, assignment };
}

/** A fresh demo organisation with a finished and a live attempt for everyone the matrix names. */
export async function buildFixtures(server: TestServer): Promise<Fixtures> {
	const clients = { anonymous: new HttpClient(server.url) } as Record<Caller, HttpClient>;
	for (const [caller, email] of Object.entries(CALLER_EMAIL)) {
		clients[caller as Caller] = new HttpClient(server.url);
		const response = await clients[caller as Caller].signIn(email);
		if (response.status !== 302) throw new Error(`${email} could not sign in`);
	}
	const scenarioId = 'billing-dispute';
	const records = Object.fromEntries(await Promise.all(PLAYERS.map(async (email) => [email, await recordsOf(server, clients.admin, email, scenarioId)])));
	const [credential] = await rawSql<{ id: string; track_id: string }>(
		server.database,
		'select c.id, ce.track_id from credential c join certification ce on ce.id = c.certification_id order by c.issued_at limit 1'
	);
	if (!credential) throw new Error('the demo organisation has no credential');
	return {
		clients,
		records,
		server,
		values: {
			scenario: scenarioId,
			rubric: 'customer-service',
			track: 'customer-service-representative',
			credential: credential.id,
			credentialTrack: credential.track_id,
			calibrationTrack: 'quality-assurance-analyst',
			calibrationRequirement: 'calibrate-service-call',
			version: '1'
		}
	};
}
