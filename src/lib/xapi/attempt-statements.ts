/**
 * xAPI statements derived from an attempt and its events: launched, answered (one per choice),
 * completed, then passed or failed. Pure: ids come from `idFor`, so the same attempt always gives
 * the same statements with the same ids, however often they are read.
 */
export interface XapiAttempt {
	id: string;
	email: string;
	name: string;
	scenarioId: string;
	scenarioVersion: number;
	scenarioTitle: string;
	status: 'in_progress' | 'passed' | 'failed' | 'abandoned';
	scoreTotal: number | null;
	startedAt: string;
	finishedAt: string | null;
	events: { seq: number; type: string; optionId: string | null; at: string }[];
}

export type VerbName = 'launched' | 'answered' | 'completed' | 'passed' | 'failed';

export interface Statement {
	id: string;
	actor: { objectType: 'Agent'; name: string; mbox: string };
	verb: { id: string; display: { 'en-US': string } };
	object: { objectType: 'Activity'; id: string; definition: { name: { 'en-US': string }; type: string } };
	result?: {
		score?: { scaled: number; raw: number; min: number; max: number };
		success?: boolean;
		completion?: boolean;
		response?: string;
	};
	context: { registration: string; extensions: Record<string, unknown> };
	timestamp: string;
	stored: string;
	version: '1.0.3';
}

const VERB_IRI = (v: VerbName) => `http://adlnet.gov/expapi/verbs/${v}`;

export interface StatementContext {
	origin: string;
	idFor: (name: string) => string;
}

export function attemptStatements(a: XapiAttempt, { origin, idFor }: StatementContext): Statement[] {
	const object = {
		objectType: 'Activity' as const,
		id: `${origin}/scenarios/${encodeURIComponent(a.scenarioId)}`,
		definition: { name: { 'en-US': a.scenarioTitle }, type: 'http://adlnet.gov/expapi/activities/simulation' }
	};
	const base = (verb: VerbName, seq: number, timestamp: string, result?: Statement['result']): Statement => ({
		id: idFor(`${a.id}:${verb}:${seq}`),
		actor: { objectType: 'Agent', name: a.name, mbox: `mailto:${a.email}` },
		verb: { id: VERB_IRI(verb), display: { 'en-US': verb } },
		object,
		...(result ? { result } : {}),
		context: {
			// One registration per attempt, so an LRS can group an attempt's statements.
			registration: a.id,
			extensions: { [`${origin}/xapi/extensions/scenario-version`]: a.scenarioVersion, [`${origin}/xapi/extensions/seq`]: seq }
		},
		timestamp,
		stored: timestamp,
		version: '1.0.3'
	});
	const statements = [base('launched', 0, a.startedAt)];
	for (const e of a.events) {
		if (e.type === 'choose' && e.optionId) statements.push(base('answered', e.seq, e.at, { response: e.optionId }));
	}
	if ((a.status === 'passed' || a.status === 'failed') && a.finishedAt) {
		const total = a.scoreTotal ?? 0;
		const success = a.status === 'passed';
		const result = { score: { scaled: Math.round(total) / 100, raw: total, min: 0, max: 100 }, success, completion: true };
		const lastSeq = a.events.reduce((m, e) => Math.max(m, e.seq), 0);
		statements.push(base('completed', lastSeq, a.finishedAt, result), base(a.status, lastSeq, a.finishedAt, result));
	}
	return statements;
}
