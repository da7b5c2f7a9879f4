/* The small part of autocannon's API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
	export interface AutocannonRequest {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest | null | undefined;
		onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
	}
	export interface AutocannonOptions {
		url: string;
		method?: string;
		body?: string;
		connections?: number;
		duration?: number;
		pipelining?: number;
		headers?: Record<string, string>;
		requests?: AutocannonRequest[];
		initialContext?: Record<string, unknown>;
	}
	export interface Histogram {
		average: number;
		p50: number;
		p90: number;
		p99: number;
		max: number;
	}
	export interface AutocannonResult {
		requests: Histogram & { total: number };
		latency: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		duration: number;
		resets: number;
		statusCodeStats: Record<string, { count: number }>;
	}
	export default function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
}
