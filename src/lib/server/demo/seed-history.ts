import type { Kysely } from 'kysely';
import type { Scenario } from '../../content/scenario-schema';
import { describeOffered, offeredOptions } from '../../dialogue/resolve-choice';
import { bestOffered } from '../../scoring/best-option';
import type { Actor } from '../access';
import { atSimulatedTime } from '../clock';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { startAttempt, takeStep, type PlayState } from '../play/attempt-service';

const DAY_MS = 86_400_000;
const SECONDS_PER_TURN = 40;

/** How a demo person plays: the best option every time, or the worst on offer at one turn. */
type Play = { scenarioId: string; daysAgo: number; slipAt?: number };

function chooseFor(state: PlayState, turn: number, slipAt?: number): string {
	const { scenario, rubric } = state.runtime;
	const context = state.walk.snapshot.context;
	const offered = offeredOptions(scenario.nodes[context.nodeId], context);
	if (turn === slipAt) return offered[offered.length - 1].id;
	return bestOffered(describeOffered(offered, context), rubric)?.optionId ?? offered[0].id;
}

/**
 * Plays one attempt through the same service a learner's browser uses, on a clock set to the
 * past: the attempt, its XP week, streak day and any certificate it earns are all dated then,
 * and the progression rules run after it exactly as they do for a real attempt.
 */
async function playAttempt(db: Kysely<Database>, actor: Actor, play: Play, now: number) {
	await atSimulatedTime(now - play.daysAgo * DAY_MS, async (clock) => {
		const started = await startAttempt(db, actor, play.scenarioId);
		if (!started.ok) return;
		let state = started.value;
		for (let turn = 0; state.attempt.status === 'in_progress' && turn < 100; turn++) {
			clock.advance(SECONDS_PER_TURN);
			const step = await takeStep(db, actor, state.attempt.id, state.attempt.seq, chooseFor(state, turn, play.slipAt));
			if (!step.ok) return;
			state = step.value.state;
		}
	});
}

/**
 * Ray, the rep: six months in. A failed first billing dispute, then clean ones, earn the
 * Representative certificate about five months ago under the real rules; sales practice since,
 * a failed troubleshooting chat, and a little practice in the last days (a live streak). Senior
 * is in progress: no troubleshooting pass yet, and not yet flawless on compliance and empathy.
 */
const REP_PLAN: Play[] = [
	{ scenarioId: 'billing-dispute', daysAgo: 170, slipAt: 3 },
	{ scenarioId: 'billing-dispute', daysAgo: 168 },
	{ scenarioId: 'billing-dispute', daysAgo: 150 },
	{ scenarioId: 'competitor-price-email', daysAgo: 120, slipAt: 1 },
	{ scenarioId: 'competitor-price-email', daysAgo: 118 },
	{ scenarioId: 'email-sync-lockout', daysAgo: 60, slipAt: 3 },
	{ scenarioId: 'billing-dispute', daysAgo: 2 },
	{ scenarioId: 'competitor-price-email', daysAgo: 1 }
];

/**
 * The demo history, spread over months: the rep's story above; colleagues a few scenarios each
 * in the last days, so the team leaderboards have a week to show; the new hire has nothing yet.
 */
export async function seedDemoHistory(db: Kysely<Database>, actors: Map<string, Actor>, now = Date.now()) {
	const scenarios = (await latestVersions<Scenario>(db, 'scenario', { status: 'published' }))
		.map((v) => v.definition)
		.sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));
	const published = new Set(scenarios.map((s) => s.id));
	const plans = new Map<string, Play[]>([['rep@demo.test', REP_PLAN.filter((p) => published.has(p.scenarioId))]]);
	const colleagues = ['mina.cho@demo.test', 'diego.ramos@demo.test', 'priya.nair@demo.test', 'sam.oconnell@demo.test'];
	colleagues.forEach((email, c) => {
		plans.set(email, scenarios.slice(c, c + 3).map((s, i) => ({ scenarioId: s.id, daysAgo: 1 + i * 2 + c, slipAt: (i + c) % 2 === 0 ? 2 : undefined })));
	});
	for (const [email, plays] of plans) {
		const actor = actors.get(email);
		// Oldest first: each evaluation then sees exactly the history up to its own moment.
		const inOrder = [...plays].sort((a, b) => b.daysAgo - a.daysAgo);
		if (actor) for (const play of inOrder) await playAttempt(db, actor, play, now);
	}
}
