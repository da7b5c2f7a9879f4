/**
 * What the HTTP figures say about one request. A server saturated on its one JavaScript thread
 * answers about one request per unit of its time, so 1000 / rps is a request's server time in ms.
 * A step passes every layer the API floor does, then the play service: the difference is the
 * service's share, and the step_vs_ping goal sets how much of it there may be.
 */
export interface RequestCosts {
	pingMs: number;
	floorMs: number;
	stepMs: number;
	/** A step's time beyond the floor: the play service, and its larger answer. */
	serviceMs: number;
	/** The longest step that still meets the ratio goal. */
	goalStepMs: number;
	/** What that leaves the play service: zero or less means no step can meet the goal. */
	serviceBudgetMs: number;
}

const msPerRequest = (rps: number) => (rps > 0 ? 1000 / rps : Number.POSITIVE_INFINITY);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** `part` as a share of `whole`, to two places; 0 when nothing was served. */
export const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) / 100 : 0);

export function perRequestCosts(pingRps: number, floorRps: number, stepRps: number, goalRatio: number): RequestCosts {
	const floorMs = msPerRequest(floorRps);
	const stepMs = msPerRequest(stepRps);
	const goalStepMs = msPerRequest(goalRatio * pingRps);
	return {
		pingMs: round3(msPerRequest(pingRps)),
		floorMs: round3(floorMs),
		stepMs: round3(stepMs),
		serviceMs: round3(stepMs - floorMs),
		goalStepMs: round3(goalStepMs),
		serviceBudgetMs: round3(goalStepMs - floorMs)
	};
}
