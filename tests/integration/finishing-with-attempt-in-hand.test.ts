import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAchievement } from '../../src/lib/certification/open-badge';
import type { Rubric } from '../../src/lib/content/rubric-schema';
import type { Scenario } from '../../src/lib/content/scenario-schema';
import type { Track } from '../../src/lib/content/track-schema';
import { buildDialogue } from '../../src/lib/dialogue/build-dialogue';
import { walkThrough } from '../../src/lib/dialogue/build-transcript';
import { chooseOption } from '../../src/lib/dialogue/replay';
import { followBestPath } from '../../src/lib/scoring/follow-best-path';
import { scoreAttempt } from '../../src/lib/scoring/score-attempt';
import { atSimulatedTime, nowIso } from '../../src/lib/server/clock';
import { writeAttemptCriteria, writeFinishedAttemptCriteria } from '../../src/lib/server/db/attempt-criteria';
import { appendEvent, insertAttempt } from '../../src/lib/server/db/attempts';
import { latestVersions } from '../../src/lib/server/db/content-versions';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db/open-database';
import { createUsers } from '../../src/lib/server/db/users';
import { progressionAfterAttempt } from '../../src/lib/server/progression/attempt-effect';
import { configureIssuer } from '../../src/lib/server/progression/credentials-signing';
import { recordAttemptReward, rewardFinishedAttempt } from '../../src/lib/server/progression/record-attempt-reward';
import { loadOrCreateSigningKey } from '../../src/lib/server/progression/signing-key';
import { HttpClient } from './support/http-client';
import { dialectLabel, dialects } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

// A track whose requirement has no title: its credential names the scenario by its title.
const UNTITLED_TRACK = `id: finish-path-check
title: Finish path check
level: 1
side_track: true
skills: [communication]
requirements:
  - id: billing
    kind: scenarios
    scenarios: [billing-dispute]
    min_score: 0
`;

type Pick = 'best' | 'last';
/** Scenario, how it is played, days after the start, and whether it is a play-test. */
const PLAYS: [string, Pick, number, boolean?][] = [
	['billing-dispute', 'last', 0],
	['billing-dispute', 'best', 0],
	['outage-threatening-to-leave', 'best', 1],
	['abusive-caller', 'best', 3],
	['billing-dispute', 'best', 3],
	['app-error-after-update', 'best', 5],
	['price-objection-upgrade', 'last', 12],
	['billing-dispute', 'best', 13, true],
	['coaching-struggling-agent', 'best', 13],
	['anxious-fraud-worry', 'best', 14],
	['billing-dispute', 'best', 29]
];
const START = Date.UTC(2026, 0, 5, 9);

/*
 * The finishing step can hand the reward and the criterion roll-up the attempt and its score
 * (rewardFinishedAttempt, writeFinishedAttemptCriteria) instead of having them read it back
 * (recordAttemptReward, writeAttemptCriteria). Two learners play the same attempts at the same
 * simulated moments, one through each path: everything stored must be the same.
 */
describe.each(dialects)('finishing an attempt with it in hand %s', (dialect) => {
	const label = dialectLabel(dialect);
	let server: TestServer;
	let database: AppDatabase;

	beforeAll(async () => {
		server = await startTestServer(dialect);
		database = await openDatabase(server.database.config);
		configureIssuer({ origin: server.url, name: 'Rapport', key: await loadOrCreateSigningKey(mkdtempSync(join(tmpdir(), 'rapport-key-'))) });
		const trainer = new HttpClient(server.url);
		await trainer.signIn('trainer@demo.test');
		const put = await trainer.json('/api/v1/tracks/finish-path-check', { method: 'PUT', headers: { 'content-type': 'application/yaml' }, body: UNTITLED_TRACK });
		expect(put.status).toBeLessThan(300);
		expect((await trainer.json('/api/v1/tracks/finish-path-check/publish', { method: 'POST' })).status).toBe(200);
	}, 90_000);
	afterAll(async () => {
		await database?.close();
		await server?.stop();
	});

	async function playthrough(scenarioId: string, pick: Pick) {
		const db = database.db;
		const [scenario] = await latestVersions<Scenario>(db, 'scenario', { status: 'published', id: scenarioId });
		const [rubric] = await latestVersions<Rubric>(db, 'rubric', { status: 'published', id: scenario.definition.rubric });
		const machine = buildDialogue(scenario.definition);
		let events = followBestPath(scenario.definition, rubric.definition, {}, machine).events;
		if (pick === 'last') {
			events = [];
			for (let walk = walkThrough(scenario.definition, machine, {}, events); !walk.turn.ended; walk = walkThrough(scenario.definition, machine, {}, events)) {
				events = [...events, chooseOption(walk.turn.options.at(-1)!.id)];
			}
		}
		const score = scoreAttempt(scenario.definition, rubric.definition, walkThrough(scenario.definition, machine, {}, events).snapshot.context);
		return { scenario, rubric, optionIds: events.map((e) => e.optionId), score };
	}

	async function play(userId: string, path: Awaited<ReturnType<typeof playthrough>>, inHand: boolean, isPlaytest: boolean) {
		const db = database.db;
		const { scenario, rubric, optionIds, score } = path;
		const attempt = await insertAttempt(db, {
			userId,
			scenarioId: scenario.id,
			scenarioVersion: scenario.version,
			rubricId: rubric.id,
			rubricVersion: rubric.version,
			isPlaytest
		});
		const last = optionIds.length - 1;
		for (let seq = 0; seq < last; seq++) expect(await appendEvent(db, attempt.id, seq, { type: 'choose', optionId: optionIds[seq], status: 'in_progress' })).toBe(true);
		const status = score.passed ? 'passed' : 'failed';
		const finished = await appendEvent(db, attempt.id, last, { type: 'choose', optionId: optionIds[last], status, score: { total: score.total, json: JSON.stringify(score) } }, async (trx) => {
			if (!inHand) {
				await recordAttemptReward(trx, attempt.id);
				await writeAttemptCriteria(trx, attempt.id);
				return;
			}
			// The clock stands still in a simulated moment: this is the finished_at appendEvent stored.
			const finishedAt = nowIso();
			await rewardFinishedAttempt(trx, { ...attempt, status, scoreTotal: score.total, finishedAt });
			await writeFinishedAttemptCriteria(trx, { ...attempt, finishedAt }, score);
		});
		expect(finished).toBe(true);
		if (!isPlaytest) await progressionAfterAttempt(db, userId, attempt.id);
	}

	/** Everything the finishing step and progression store for one learner, without ids. */
	async function storedFor(userId: string) {
		const db = database.db;
		const [progress, rewards, weekly, criteria, badges, certificates, credentials] = await Promise.all([
			db.selectFrom('learner_progress').selectAll().where('user_id', '=', userId).execute(),
			db.selectFrom('attempt_reward').select(['scenario_id', 'xp', 'breakdown', 'effect', 'week', 'awarded_at']).where('user_id', '=', userId).orderBy('awarded_at').orderBy('xp').execute(),
			db.selectFrom('weekly_xp').select(['week', 'xp']).where('user_id', '=', userId).orderBy('week').execute(),
			db
				.selectFrom('attempt_criterion_score')
				.select(['scenario_id', 'criterion_id', 'position', 'label', 'score', 'critical_failures', 'finished_at'])
				.where('user_id', '=', userId)
				.orderBy('finished_at')
				.orderBy('scenario_id')
				.orderBy('position')
				.execute(),
			db.selectFrom('user_badge').select(['badge_id', 'earned_at']).where('user_id', '=', userId).orderBy('badge_id').execute(),
			db.selectFrom('certification').select(['track_id', 'track_version', 'cycle', 'earned_at', 'expires_at']).where('user_id', '=', userId).orderBy('track_id').execute(),
			db.selectFrom('credential').select('document').where('user_id', '=', userId).execute()
		]);
		return {
			progress: progress.map(({ user_id: _, ...rest }) => rest),
			rewards,
			weekly,
			criteria: criteria.map((c) => ({ ...c, score: c.score === null ? null : Number(c.score) })),
			badges,
			certificates,
			narratives: credentials.map((c) => (JSON.parse(c.document) as { credentialSubject: { achievement: { criteria: { narrative: string } } } }).credentialSubject.achievement.criteria.narrative).sort()
		};
	}

	it(`${label} stores the same XP, streak, weekly XP, criterion rows, badges, certificates and effects as reading the attempt back`, async () => {
		const stamp = Date.now().toString(36);
		const [readBack, inHand] = await createUsers(database.db, [
			{ email: `read.back.${stamp}@finish.test`, name: 'Read Back', role: 'learner' },
			{ email: `in.hand.${stamp}@finish.test`, name: 'In Hand', role: 'learner' }
		]);
		for (const [i, [scenarioId, pick, days, isPlaytest]] of PLAYS.entries()) {
			const path = await playthrough(scenarioId, pick);
			// Both learners finish at the same simulated moment.
			await atSimulatedTime(START + days * 86_400_000 + i * 60_000, async () => {
				await play(readBack.id, path, false, isPlaytest ?? false);
				await play(inHand.id, path, true, isPlaytest ?? false);
			});
		}
		const expected = await storedFor(readBack.id);
		expect(await storedFor(inHand.id)).toEqual(expected);

		// The plays must exercise what is compared: XP, a streak, failures, badges and certificates.
		expect(Number(expected.progress[0].xp)).toBeGreaterThan(0);
		expect(Number(expected.progress[0].streak_longest)).toBeGreaterThan(1);
		expect(expected.rewards).toHaveLength(PLAYS.filter((p) => !p[3]).length);
		expect(expected.badges.length).toBeGreaterThan(0);
		expect(expected.certificates.map((c) => c.track_id)).toContain('finish-path-check');
		expect(expected.rewards.some((r) => r.effect?.includes('Finish path check'))).toBe(true);

		// Progression reads scenario titles only to issue a certificate: its credential still names them.
		const [track] = await latestVersions<Track>(database.db, 'track', { status: 'published', id: 'finish-path-check' });
		const [billing] = await latestVersions<Scenario>(database.db, 'scenario', { status: 'published', id: 'billing-dispute' });
		const narrative = buildAchievement(server.url, track.definition, (id) => (id === billing.id ? billing.title : id)).criteria.narrative;
		expect(narrative).toContain(`"${billing.title}"`);
		expect(expected.narratives).toContain(narrative);
	}, 120_000);
});
