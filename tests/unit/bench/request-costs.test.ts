import { describe, expect, it } from 'vitest';
import { perRequestCosts, ratio } from '../../../bench/request-costs';

describe('perRequestCosts (the bench’s reading of the HTTP figures)', () => {
	it('turns throughput at saturation into server time a request', () => {
		const costs = perRequestCosts(4000, 2500, 1000, 0.6);
		expect(costs.pingMs).toBe(0.25);
		expect(costs.floorMs).toBe(0.4);
		expect(costs.stepMs).toBe(1);
	});

	it('gives the play service what a step takes beyond the API floor', () => {
		expect(perRequestCosts(4000, 2500, 1000, 0.6).serviceMs).toBe(0.6);
	});

	it('leaves the service what the ratio goal allows beyond the floor', () => {
		// 0.6 of 4000 req/s is 2400 req/s: a step of 0.417 ms, of which the floor takes 0.4.
		const costs = perRequestCosts(4000, 2500, 1000, 0.6);
		expect(costs.goalStepMs).toBe(0.417);
		expect(costs.serviceBudgetMs).toBe(0.017);
	});

	it('says no budget is left when the floor alone is below the goal', () => {
		expect(perRequestCosts(4000, 2000, 1000, 0.6).serviceBudgetMs).toBeLessThan(0);
	});

	it('treats a run that served nothing as endlessly slow rather than dividing by zero', () => {
		expect(perRequestCosts(4000, 2500, 0, 0.6).stepMs).toBe(Number.POSITIVE_INFINITY);
	});
});

describe('ratio', () => {
	it('rounds to two places and is 0 when the whole is 0', () => {
		expect(ratio(811, 3390)).toBe(0.24);
		expect(ratio(5, 0)).toBe(0);
	});
});
