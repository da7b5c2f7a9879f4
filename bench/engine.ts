import type { Library } from '../src/lib/content/check-library';
import type { Rubric } from '../src/lib/content/rubric-schema';
import type { Scenario } from '../src/lib/content/scenario-schema';
import { buildDialogue, type DialogueMachine } from '../src/lib/dialogue/build-dialogue';
import { chooseOption, startDialogue, stepDialogue } from '../src/lib/dialogue/replay';
import { offeredOptions } from '../src/lib/dialogue/resolve-choice';
import { scoreAttempt } from '../src/lib/scoring/score-attempt';

/** `seconds` is CPU time of this process, so other work on a busy machine does not count against the engine. */
export type EngineRow = {
	scenario: string;
	steps: number;
	endings: number;
	/** Also keeps the scoring from being optimised away as unused. */
	meanScore: number;
	seconds: number;
	wallSeconds: number;
	stepsPerSecond: number;
};
export type EngineResult = { rows: EngineRow[]; stepsPerSecond: number };

/** A small seeded generator (mulberry32): every run plays the same walks, so runs compare. */
const seededRandom = (seed: number) => () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WARM_UP_SECONDS = 0.05;

const cpuSecondsSince = (start: NodeJS.CpuUsage): number => {
	const { user, system } = process.cpuUsage(start);
	return (user + system) / 1e6;
};

/**
 * Random walks through one scenario for about `seconds` of CPU time: a random option on offer
 * per step, a score at every ending, then a fresh start. The machine is compiled once, as the
 * server caches it. CPU time rather than wall time, so other work on a busy machine does not count.
 */
const walkScenario = (scenario: Scenario, rubric: Rubric, machine: DialogueMachine, seconds: number, seed: number): EngineRow => {
	const random = seededRandom(seed);
	let steps = 0;
	let endings = 0;
	let scores = 0;
	let snapshot = startDialogue(machine);
	const cpuAtStart = process.cpuUsage();
	const started = performance.now();
	let cpuSeconds = 0;
	while (cpuSeconds < seconds) {
		// Reading the clock every step would cost more than a step; every 256 is still fine-grained.
		for (let i = 0; i < 256; i++) {
			const options = offeredOptions(scenario.nodes[snapshot.context.nodeId], snapshot.context);
			snapshot = stepDialogue(machine, snapshot, chooseOption(options[Math.floor(random() * options.length)].id));
			steps++;
			if (snapshot.status !== 'active') {
				scores += scoreAttempt(scenario, rubric, snapshot.context).total;
				endings++;
				snapshot = startDialogue(machine);
			}
		}
		cpuSeconds = cpuSecondsSince(cpuAtStart);
	}
	const wallSeconds = (performance.now() - started) / 1000;
	return { scenario: scenario.id, steps, endings, meanScore: scores / endings, seconds: cpuSeconds, wallSeconds, stepsPerSecond: steps / cpuSeconds };
};

/** Engine steps per second over every shipped scenario, on the one core this process runs on. */
export const benchEngine = (library: Library, secondsPerScenario: number): EngineResult => {
	const runs = library.scenarios.map((scenario, i) => {
		const rubric = library.rubrics.find((r) => r.id === scenario.rubric);
		if (!rubric) throw new Error(`Scenario ${scenario.id} has no rubric ${scenario.rubric}`);
		return { scenario, rubric, machine: buildDialogue(scenario), seed: i + 1 };
	});
	// Warm up on every scenario first, so the JIT has compiled the hot path before any clock starts.
	for (const run of runs) walkScenario(run.scenario, run.rubric, run.machine, WARM_UP_SECONDS, run.seed);
	const rows = runs.map((run) => walkScenario(run.scenario, run.rubric, run.machine, secondsPerScenario, run.seed));
	const steps = rows.reduce((sum, r) => sum + r.steps, 0);
	const seconds = rows.reduce((sum, r) => sum + r.seconds, 0);
	return { rows, stepsPerSecond: steps / seconds };
};
