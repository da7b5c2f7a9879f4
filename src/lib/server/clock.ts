import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A simulated "now", used only by the demo seed: its history is played through the real services
 * at past dates, so every timestamp (events, XP weeks, streak days, certificate dates) is consistent.
 */
const simulated = new AsyncLocalStorage<{ now: number }>();

/** One place for "now", so repositories stay consistent about timestamp format (ISO-8601 UTC). */
export const nowIso = (): string => new Date(simulated.getStore()?.now ?? Date.now()).toISOString();

export const addSeconds = (iso: string, seconds: number): string =>
	new Date(Date.parse(iso) + seconds * 1000).toISOString();

export const newId = (): string => crypto.randomUUID();

export interface SimulatedClock {
	advance: (seconds: number) => void;
}

/** Runs `work` with the clock set to `startMs`; `advance` moves it on. Demo data only. */
export const atSimulatedTime = <T>(startMs: number, work: (clock: SimulatedClock) => Promise<T>): Promise<T> => {
	const store = { now: startMs };
	return simulated.run(store, () => work({ advance: (seconds) => (store.now += seconds * 1000) }));
};
