import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { evaluateLadder } from '../../src/lib/certification/evaluate-track';
import type { AttemptRecord, CertificateRecord } from '../../src/lib/certification/records';
import { maxLevel, type Rubric } from '../../src/lib/content/rubric-schema';
import type { Scenario } from '../../src/lib/content/scenario-schema';
import type { Track } from '../../src/lib/content/track-schema';
import { criterionScoreEntries } from '../../src/lib/coaching/criterion-scores';
import { windowAttemptOf, withAttempt, type WindowAttempt } from '../../src/lib/coaching/criterion-window';
import { dayOf, weekOf } from '../../src/lib/gamification/days';
import { NO_STREAK, recordPracticeDay, type StreakState } from '../../src/lib/gamification/streaks';
import { xpForAttempt } from '../../src/lib/gamification/xp';
import { latestVersions } from '../../src/lib/server/db/content-versions';
import { ROLLUP_TABLES } from '../../src/lib/server/db/scenario-analytics';
import type { RollupDeltas } from '../../src/lib/studio/analytics-rollup';
import type { Database, Role } from '../../src/lib/server/db/schema';
import type { BulkWriter } from './bulk-writer';
import { attemptCounts } from './attempt-counts';
import { walkRollupSums } from './rollup-sums';
import { walkPools } from './walks';

/** Bump when the generated data changes shape, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 5;

export interface OrgSize {
	learners: number;
	teams: number;
	attempts: number;
}

/** Who the page measurements sign in as. */
export interface ScalePeople {
	leadEmail: string;
	/** The learner with the most attempts. */
	busiestLearnerEmail: string;
	busiestLearnerAttempts: number;
	adminEmail: string;
	trainerEmail: string;
	/** The scenario with the most attempts, for its analytics page. */
	scenarioId: string;
	teamId: string;
}

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 365;
const WALKS_PER_SCENARIO = 64;

/** A small seeded generator (mulberry32), so a given size always generates the same organisation. */
const seededRandom = (seed: number) => () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A large organisation: learners in teams with a lead each, an admin and a trainer, and a year of
 * finished attempts with their events, scored by the real engine (see walks.ts), their XP awards,
 * weekly XP, streaks, scenario analytics' roll-ups, the per-criterion score roll-up and the certifications the real evaluator says
 * they earned. Rows have the
 * shapes the app's own writers produce; they go in through a bulk writer. The content must already
 * be loaded (the server's start-up sync), since attempts point at its published versions.
 */
export async function generateOrganisation(db: Kysely<Database>, writer: BulkWriter, size: OrgSize, log: (line: string) => void): Promise<ScalePeople> {
	const random = seededRandom(9);
	const [scenarios, rubrics, tracks] = await Promise.all([
		latestVersions<Scenario>(db, 'scenario', { status: 'published' }),
		latestVersions<Rubric>(db, 'rubric', { status: 'published' }),
		latestVersions<Track>(db, 'track', { status: 'published' })
	]);
	const pools = walkPools({ scenarios: scenarios.map((s) => s.definition), rubrics: rubrics.map((r) => r.definition) }, WALKS_PER_SCENARIO, random);
	const versionOf = new Map(scenarios.map((s) => [s.id, s.version]));
	const rubricVersionOf = new Map(rubrics.map((r) => [r.id, r.version]));
	const trackVersionOf = new Map(tracks.map((t) => [t.id, t.version]));
	const scales = new Map(rubrics.flatMap((r) => r.definition.criteria.map((c) => [`${r.id}:${c.id}`, maxLevel(c)] as const)));
	const criterionScale = (rubricId: string, criterionId: string) => scales.get(`${rubricId}:${criterionId}`);
	const trackDefinitions = tracks.map((t) => t.definition);

	const now = Date.now();
	const nowText = iso(now);
	const person = async (email: string, name: string, role: Role) => {
		const id = randomUUID();
		await writer.add('user', { id, email, name, role, password_hash: null, active: 1, session_version: 1, leaderboard_opt_out: 0, created_at: iso(now - HISTORY_DAYS * DAY_MS), updated_at: nowText });
		return id;
	};
	const adminEmail = 'admin@scale.test';
	const trainerEmail = 'trainer@scale.test';
	await person(adminEmail, 'Scale Admin', 'admin');
	await person(trainerEmail, 'Scale Trainer', 'trainer');
	const teamIds: string[] = [];
	for (let t = 0; t < size.teams; t++) {
		const id = randomUUID();
		teamIds.push(id);
		await writer.add('team', { id, name: `Team ${String(t + 1).padStart(3, '0')}`, created_at: nowText });
		await writer.add('team_member', { team_id: id, user_id: await person(`lead.${t + 1}@scale.test`, `Lead ${t + 1}`, 'team_lead') });
	}

	// Scenario analytics' roll-ups, summed as the finishing transactions would add them. Learners
	// are generated team by team, so a team's rows are complete (and written) when the next team
	// starts; only the organisation-wide '*' rows are held to the end. That keeps memory flat.
	const rollups = walkRollupSums();
	const writeRollups = async (sums: RollupDeltas) => {
		for (const kind of Object.keys(ROLLUP_TABLES) as (keyof RollupDeltas)[]) {
			for (const row of sums[kind]) await writer.add(ROLLUP_TABLES[kind].table, row);
		}
	};
	const learnersPerTeam = Math.ceil(size.learners / size.teams);

	const countOf = attemptCounts(size.attempts, size.learners, random);
	const attemptsOf = new Map<string, number>();
	let busiest = { email: '', attempts: -1 };
	let written = 0;
	let certificates = 0;
	const started = performance.now();
	for (let l = 0; l < size.learners; l++) {
		const email = `learner.${l + 1}@scale.test`;
		const userId = await person(email, `Learner ${l + 1}`, 'learner');
		const teamIndex = Math.min(size.teams - 1, Math.floor(l / learnersPerTeam));
		if (l > 0 && teamIndex !== Math.min(size.teams - 1, Math.floor((l - 1) / learnersPerTeam))) {
			await writeRollups(rollups.takeTeam());
		}
		await writer.add('team_member', { team_id: teamIds[teamIndex], user_id: userId });
		const count = countOf[l];
		if (count > busiest.attempts) busiest = { email, attempts: count };
		const times = Array.from({ length: count }, () => now - Math.floor(random() * HISTORY_DAYS * DAY_MS)).sort((a, b) => a - b);
		const plays = new Map<string, { finished: number; passed: boolean }>();
		const weekly = new Map<string, number>();
		const records: AttemptRecord[] = [];
		let streak: StreakState = NO_STREAK;
		let xp = 0;
		let window: WindowAttempt[] = [];
		for (const startMs of times) {
			const pool = pools[Math.floor(random() * pools.length)];
			const walk = pool.walks[Math.floor(random() * pool.walks.length)];
			const scenario = pool.scenario;
			attemptsOf.set(scenario.id, (attemptsOf.get(scenario.id) ?? 0) + 1);
			const id = randomUUID();
			// A think time of 5–35 s per step.
			const stepTimes = walk.optionIds.map((_, i) => startMs + (i + 1) * (5_000 + Math.floor(random() * 30_000)));
			const finishedAt = iso(stepTimes.at(-1) ?? startMs);
			const status = walk.passed ? 'passed' : 'failed';
			await writer.add('attempt', {
				id,
				user_id: userId,
				scenario_id: scenario.id,
				scenario_version: versionOf.get(scenario.id)!,
				rubric_id: pool.rubric.id,
				rubric_version: rubricVersionOf.get(pool.rubric.id)!,
				status,
				seq: walk.optionIds.length,
				input: '{}',
				is_playtest: 0,
				score_total: walk.total,
				score: walk.scoreJson,
				started_at: iso(startMs),
				updated_at: finishedAt,
				finished_at: finishedAt
			});
			for (let i = 0; i < walk.optionIds.length; i++) {
				await writer.add('attempt_event', { attempt_id: id, seq: i + 1, type: 'choose', option_id: walk.optionIds[i], at: iso(stepTimes[i]) });
			}
			// The same criterion rows and heatmap window the finishing transaction writes.
			const entries = criterionScoreEntries(walk.score);
			window = withAttempt(window, windowAttemptOf(id, iso(startMs), entries));
			for (const [position, e] of entries.entries()) {
				await writer.add('attempt_criterion_score', {
					attempt_id: id,
					user_id: userId,
					scenario_id: scenario.id,
					criterion_id: e.criterionId,
					position,
					label: e.label,
					score: e.score,
					critical_failures: e.criticalFailures,
					finished_at: finishedAt
				});
			}
			// The same award recordAttemptReward makes in the finishing transaction.
			const earlier = plays.get(scenario.id) ?? { finished: 0, passed: false };
			const award = xpForAttempt({ difficulty: scenario.difficulty, score: walk.total, passed: walk.passed, priorFinished: earlier.finished, passedBefore: earlier.passed });
			plays.set(scenario.id, { finished: earlier.finished + 1, passed: earlier.passed || walk.passed });
			const week = weekOf(finishedAt);
			await writer.add('attempt_reward', {
				attempt_id: id,
				user_id: userId,
				scenario_id: scenario.id,
				xp: award.total,
				breakdown: JSON.stringify(award),
				effect: JSON.stringify({ certifications: [], badges: [] }),
				week,
				awarded_at: finishedAt
			});
			xp += award.total;
			if (award.total > 0) weekly.set(week, (weekly.get(week) ?? 0) + award.total);
			streak = recordPracticeDay(streak, dayOf(finishedAt));
			rollups.add(walk, walk.facts, dayOf(finishedAt), teamIds[teamIndex]);
			records.push({
				id,
				scenarioId: scenario.id,
				family: scenario.family,
				difficulty: scenario.difficulty,
				rubricId: pool.rubric.id,
				passed: walk.passed,
				score: walk.total,
				criteria: Object.fromEntries(walk.score.criteria.map((c) => [c.id, c.score])),
				criticalFailures: walk.score.criticalFailures.length,
				finishedAt
			});
		}
		written += count;
		if (window.length) await writer.add('criterion_window', { user_id: userId, attempts: JSON.stringify(window), updated_at: iso(now) });
		await writer.add('learner_progress', {
			user_id: userId,
			xp,
			attempts_rewarded: count,
			streak_current: streak.current,
			streak_longest: streak.longest,
			streak_last_day: streak.lastDay,
			streak_freeze_week: streak.freezeWeek,
			updated_at: nowText
		});
		for (const [week, weekXp] of weekly) await writer.add('weekly_xp', { week, user_id: userId, xp: weekXp });
		// What evaluateProgression would issue: evaluate, issue what is due, evaluate again until nothing is.
		const held: CertificateRecord[] = [];
		for (let round = 0; round < trackDefinitions.length; round++) {
			const due = evaluateLadder(trackDefinitions, { attempts: records, calibrations: [], certificates: held, criterionScale, now: nowText }).filter((e) => e.issue);
			if (!due.length) break;
			for (const e of due) {
				const certificate = { id: randomUUID(), trackId: e.trackId, cycle: e.issue!.cycle, earnedAt: nowText, expiresAt: e.issue!.expiresAt, revokedAt: null, credentialId: null };
				held.push(certificate);
				await writer.add('certification', {
					id: certificate.id,
					user_id: userId,
					track_id: e.trackId,
					track_version: trackVersionOf.get(e.trackId)!,
					cycle: certificate.cycle,
					earned_at: certificate.earnedAt,
					expires_at: certificate.expiresAt,
					revoked_at: null,
					revoked_by: null,
					revoked_reason: null
				});
				certificates++;
			}
		}
		if ((l + 1) % Math.max(1, Math.floor(size.learners / 10)) === 0) {
			log(`  ${l + 1} learners, ${written.toLocaleString('en')} attempts, ${certificates} certificates, ${((performance.now() - started) / 1000).toFixed(0)} s`);
		}
	}
	await writeRollups(rollups.takeTeam());
	await writeRollups(rollups.everyone());
	await writer.close();
	const [scenarioId] = [...attemptsOf].sort((a, b) => b[1] - a[1])[0];
	return { leadEmail: 'lead.1@scale.test', busiestLearnerEmail: busiest.email, busiestLearnerAttempts: busiest.attempts, adminEmail, trainerEmail, scenarioId, teamId: teamIds[0] };
}
