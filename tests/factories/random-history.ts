import type { LearnerFacts } from '../../src/lib/certification/evaluate-track';
import type { AttemptRecord, CalibrationRecord, CertificateRecord } from '../../src/lib/certification/records';
import type { Library } from '../../src/lib/content/check-library';
import { maxLevel } from '../../src/lib/content/rubric-schema';
import { day } from './progression-factory';

/** A small seeded generator (mulberry32): the same seed gives the same history on every run. */
export function seededRandom(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => Math.floor(next() * max);
	return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
}

/**
 * A learner's made-up history over the shipped library: attempts at its scenarios with scores on
 * every criterion of their rubrics (some absent, some critical failures), calibrations, and
 * certificates on some tracks (some revoked, some about to expire). Mostly high scores, so
 * tracks are met, issued and renewed, and prerequisites change hands.
 */
export function randomHistory(library: Library, seed: number): LearnerFacts {
	const r = seededRandom(seed);
	const attempts: AttemptRecord[] = Array.from({ length: r.int(40) }, (_, i) => {
		const scenario = r.pick(library.scenarios);
		const rubric = library.rubrics.find((x) => x.id === scenario.rubric)!;
		const score = 40 + r.int(61);
		return {
			id: `attempt-${seed}-${i}`,
			scenarioId: scenario.id,
			family: scenario.family,
			difficulty: scenario.difficulty,
			rubricId: rubric.id,
			passed: score >= 70,
			score,
			criteria: Object.fromEntries(rubric.criteria.map((c) => [c.id, r.next() < 0.15 ? null : 40 + r.int(61)])),
			criticalFailures: r.next() < 0.2 ? 1 + r.int(2) : 0,
			finishedAt: day(r.int(700), r.int(24))
		};
	});
	const calibrations: CalibrationRecord[] = library.tracks.flatMap((t) =>
		t.requirements.flatMap((req) =>
			req.kind === 'calibration' && r.next() < 0.5
				? [{ id: `calibration-${seed}-${req.id}`, trackId: t.id, requirementId: req.id, submittedScore: 60 + r.int(30), expertScore: 70, submittedAt: day(r.int(700)) }]
				: []
		)
	);
	const certificates: CertificateRecord[] = library.tracks.flatMap((t) => {
		if (r.next() < 0.6) return [];
		const earned = r.int(600);
		return [
			{
				id: `certificate-${seed}-${t.id}`,
				trackId: t.id,
				cycle: 1,
				earnedAt: day(earned),
				expiresAt: day(earned + 100 + r.int(400)),
				revokedAt: r.next() < 0.15 ? day(earned + r.int(100)) : null,
				credentialId: null
			}
		];
	});
	const scales = new Map(library.rubrics.flatMap((rb) => rb.criteria.map((c) => [`${rb.id}:${c.id}`, maxLevel(c)] as const)));
	return { attempts, calibrations, certificates, criterionScale: (rb, c) => scales.get(`${rb}:${c}`), now: day(300 + r.int(500)) };
}
