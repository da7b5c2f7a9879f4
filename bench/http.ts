import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';

export interface LoadFigures {
	rps: number;
	p50Ms: number;
	p99Ms: number;
	/** Connection errors, timeouts and answers other than 2xx. */
	errors: number;
	/** Of those, requests that got no answer within autocannon's 10 s. */
	timeouts: number;
	/** Answers per HTTP status, to tell a conflict from an overload. */
	statusCodes: Record<string, number>;
	requests: number;
}

export interface PlayFigures extends LoadFigures {
	attemptsStarted: number;
	attemptsFinished: number;
}

const figures = (r: AutocannonResult): LoadFigures => ({
	rps: Math.round(r.requests.total / r.duration),
	p50Ms: r.latency.p50,
	p99Ms: r.latency.p99,
	// autocannon counts a timeout in `errors` too.
	errors: r.errors + r.non2xx,
	timeouts: r.timeouts,
	statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, { count }]) => [code, count])),
	requests: r.requests.total
});

/** The framework's ceiling: the trivial health check (one `select 1`), no authentication. */
export async function measurePing(url: string, seconds: number, connections: number): Promise<LoadFigures> {
	return figures(await autocannon({ url: `${url}/healthz`, connections, duration: seconds }));
}

/**
 * The API's own floor, in the same run: an authenticated step the server refuses with 400 once it
 * has read and checked the body (`seq: -1`). It passes every layer a real step passes (the hooks,
 * the token lookup, the body, the schema, a JSON answer) but the play service, so no step can be
 * cheaper: `step_rps / ping_rps` can never exceed `floor_rps / ping_rps`. Any answer but 400 is an error.
 */
export async function measureApiFloor(url: string, token: string, seconds: number, connections: number): Promise<LoadFigures> {
	const result = await autocannon({
		url: `${url}/api/v1/attempts/floor/steps`,
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ seq: -1, optionId: 'floor' }),
		connections,
		duration: seconds
	});
	const measured = figures(result);
	const otherAnswers = Object.entries(measured.statusCodes).reduce((sum, [code, count]) => (code === '400' ? sum : sum + count), 0);
	return { ...measured, errors: result.errors + otherAnswers };
}

// Longer than any shipped scenario's longest path, so a connection never runs out of steps mid-attempt.
const MAX_STEPS_PER_ATTEMPT = 80;

export type Turn = { options: { id: string }[] } | null;
type PlayContext = { token?: string; attemptId?: string; seq?: number; turn?: Turn };

/**
 * The real workload: each connection plays as one learner after another (round robin over the
 * tokens), starts an attempt of a scenario, then posts a random offered option at each step through
 * `/api/v1/attempts/{id}/steps` until the attempt ends, and starts the next one.
 */
export async function measurePlay(url: string, tokens: string[], scenarioIds: string[], seconds: number, connections: number): Promise<PlayFigures> {
	let nextLearner = 0;
	let started = 0;
	let finished = 0;
	const headersFor = (context: PlayContext) => ({ authorization: `Bearer ${context.token}`, 'content-type': 'application/json' });
	const start: AutocannonRequest = {
		method: 'POST',
		path: '/api/v1/attempts',
		setupRequest: (request, raw) => {
			const context = raw as PlayContext;
			const i = nextLearner++;
			context.token = tokens[i % tokens.length];
			return { ...request, headers: headersFor(context), body: JSON.stringify({ scenarioId: scenarioIds[i % scenarioIds.length] }) };
		},
		onResponse: (status, body, raw) => {
			const context = raw as PlayContext;
			context.turn = null;
			if (status !== 201) return;
			const attempt = JSON.parse(body) as { id: string; seq: number; turn: Turn };
			Object.assign(context, { attemptId: attempt.id, seq: attempt.seq, turn: attempt.turn });
			started++;
		}
	};
	const step: AutocannonRequest = {
		method: 'POST',
		path: '/api/v1/attempts',
		// No turn left (the attempt ended or a call failed): back to a new attempt.
		setupRequest: (request, raw) => {
			const context = raw as PlayContext;
			const options = context.turn?.options;
			if (!options?.length) return null;
			const optionId = options[Math.floor(Math.random() * options.length)].id;
			return { ...request, path: `/api/v1/attempts/${context.attemptId}/steps`, headers: headersFor(context), body: JSON.stringify({ seq: context.seq, optionId }) };
		},
		onResponse: (status, body, raw) => {
			const context = raw as PlayContext;
			context.turn = null;
			if (status !== 200) return;
			const answer = JSON.parse(body) as { seq: number; status: string; turn: Turn };
			context.seq = answer.seq;
			context.turn = answer.turn;
			if (answer.status !== 'in_progress') finished++;
		}
	};
	const result = await autocannon({ url, connections, duration: seconds, requests: [start, ...Array.from({ length: MAX_STEPS_PER_ATTEMPT }, () => step)] });
	return { ...figures(result), attemptsStarted: started, attemptsFinished: finished };
}
