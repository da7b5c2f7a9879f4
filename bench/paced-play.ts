import type { LoadFigures, PlayFigures, Turn } from './http';
import { percentile } from './percentile';

/** What a start (id, seq, turn) and a step (seq, status, turn) answer, as far as a learner reads it. */
type Answer = { id: string; seq: number; status: string; turn: Turn };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The play workload as learners make it: each of them (one a token) thinks between answers, for a
 * time drawn around `tokens / rate` seconds, so together they ask about `rate` requests a second.
 * Unlike autocannon's rate limit, which sends each second's requests in one burst, the requests
 * come spread out, so the latencies are those of a server that is busy but not saturated.
 */
export async function measurePacedPlay(url: string, tokens: string[], scenarioIds: string[], seconds: number, rate: number, warmUpSeconds = 2): Promise<PlayFigures> {
	const latencies: number[] = [];
	const statusCodes: Record<string, number> = {};
	let errors = 0;
	let started = 0;
	let finished = 0;
	let nextScenario = 0;
	const meanThinkMs = (tokens.length / rate) * 1000;
	const think = () => sleep(meanThinkMs * (0.5 + Math.random()));
	// The first requests open the connections: they are not counted.
	const counted = performance.now() + warmUpSeconds * 1000;
	const ends = performance.now() + (warmUpSeconds + seconds) * 1000;

	const call = async (token: string, path: string, body: unknown): Promise<{ status: number; answer: Answer | null }> => {
		const sent = performance.now();
		try {
			const response = await fetch(`${url}${path}`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			const answer = (await response.json()) as Answer;
			if (sent >= counted) {
				latencies.push(performance.now() - sent);
				statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
				if (response.status >= 300) errors++;
			}
			return { status: response.status, answer };
		} catch {
			if (sent >= counted) errors++;
			return { status: 0, answer: null };
		}
	};

	const learner = async (token: string) => {
		// Staggered, so the learners do not all ask at once.
		await sleep(Math.random() * meanThinkMs);
		while (performance.now() < ends) {
			const begun = await call(token, '/api/v1/attempts', { scenarioId: scenarioIds[nextScenario++ % scenarioIds.length] });
			if (begun.status !== 201 || !begun.answer) {
				// A refused start is counted as an error; the learner waits before trying again rather than hammering.
				await think();
				continue;
			}
			started++;
			const { id } = begun.answer;
			let { seq, turn } = begun.answer;
			while (turn?.options.length && performance.now() < ends) {
				await think();
				const optionId = turn.options[Math.floor(Math.random() * turn.options.length)].id;
				const stepped = await call(token, `/api/v1/attempts/${id}/steps`, { seq, optionId });
				if (stepped.status !== 200 || !stepped.answer) break;
				({ seq, turn } = stepped.answer);
				if (stepped.answer.status !== 'in_progress') finished++;
			}
			await think();
		}
	};

	await Promise.all(tokens.map(learner));
	const figures: LoadFigures = {
		rps: Math.round(latencies.length / seconds),
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		errors,
		timeouts: 0,
		statusCodes,
		requests: latencies.length
	};
	return { ...figures, attemptsStarted: started, attemptsFinished: finished };
}
