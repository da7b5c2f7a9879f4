import type { Kysely } from 'kysely';
import type { Scenario } from '../../content/scenario-schema';
import { describeOffered, offeredOptions } from '../../dialogue/resolve-choice';
import { bestOffered } from '../../scoring/best-option';
import type { Actor } from '../access';
import { backdateAttempt } from '../db/attempts';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { startAttempt, takeStep, type PlayState } from '../play/attempt-service';

const DAY_MS = 86_400_000;

/** How a demo person plays: the best option every time, or one slip at a given turn. */
type Play = { scenarioId: string; daysAgo: number; slipAt?: number };

function chooseFor(state: PlayState, turn: number, slipAt?: number): string {
	const { scenario, rubric } = state.runtime;
	const context = state.walk.snapshot.context;
	const offered = offeredOptions(scenario.nodes[context.nodeId], context);
	if (turn === slipAt) return offered[offered.length - 1].id;
	return bestOffered(describeOffered(offered, context), rubric)?.optionId ?? offered[0].id;
}

/** Plays one attempt through the same service a learner's browser uses, then dates it in the past. */
async function playAttempt(db: Kysely<Database>, actor: Actor, play: Play, now: number) {
	const started = await startAttempt(db, actor, play.scenarioId);
	if (!started.ok) return;
	let state = started.value;
	for (let turn = 0; state.attempt.status === 'in_progress' && turn < 100; turn++) {
		const step = await takeStep(db, actor, state.attempt.id, state.attempt.seq, chooseFor(state, turn, play.slipAt));
		if (!step.ok) return;
		state = step.value.state;
	}
	await backdateAttempt(db, state.attempt.id, new Date(now - play.daysAgo * DAY_MS).toISOString());
}

/**
 * The demo history, spread over months: the rep practised the easier half of the library (a
 * slip first, then a clean pass), colleagues a few scenarios each; the new hire has nothing yet.
 */
export async function seedDemoHistory(db: Kysely<Database>, actors: Map<string, Actor>, now = Date.now()) {
	const scenarios = (await latestVersions<Scenario>(db, 'scenario', { status: 'published' }))
		.map((v) => v.definition)
		.sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));
	const plans = new Map<string, Play[]>();
	const easier = scenarios.filter((s) => s.difficulty <= 3);
	plans.set(
		'rep@demo.test',
		easier.flatMap((s, i) => {
			const daysAgo = 170 - i * Math.floor(150 / Math.max(1, easier.length));
			return [
				{ scenarioId: s.id, daysAgo, slipAt: 1 },
				{ scenarioId: s.id, daysAgo: daysAgo - 2 }
			];
		})
	);
	const colleagues = ['mina.cho@demo.test', 'diego.ramos@demo.test', 'priya.nair@demo.test', 'sam.oconnell@demo.test'];
	colleagues.forEach((email, c) => {
		plans.set(email, scenarios.slice(c, c + 3).map((s, i) => ({ scenarioId: s.id, daysAgo: 1 + i * 2 + c, slipAt: (i + c) % 2 === 0 ? 2 : undefined })));
	});
	for (const [email, plays] of plans) {
		const actor = actors.get(email);
		if (actor) for (const play of plays) await playAttempt(db, actor, play, now);
	}
}
