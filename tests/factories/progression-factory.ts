import type { z } from 'zod';
import type { AttemptRecord, CalibrationRecord, CertificateRecord } from '$lib/certification/records';
import type { LearnerFacts } from '$lib/certification/evaluate-track';
import { Track } from '$lib/content/track-schema';
import { Badge } from '$lib/content/badge-schema';

let n = 0;

/** An ISO timestamp `days` after 1 March 2025, noon UTC: tests read as "day 3", "day 40". */
export const day = (days: number, hours = 12) => new Date(Date.UTC(2025, 2, 1 + days, hours)).toISOString();

export const makeAttempt = (over: Partial<AttemptRecord> = {}): AttemptRecord => ({
	id: `attempt-${++n}`,
	scenarioId: 'billing-dispute',
	family: 'difficult-customer',
	difficulty: 2,
	rubricId: 'customer-service',
	passed: true,
	score: 90,
	criteria: { compliance: 100, empathy: 100 },
	criticalFailures: 0,
	finishedAt: day(1),
	...over
});

export const makeFailedAttempt = (over: Partial<AttemptRecord> = {}): AttemptRecord =>
	makeAttempt({ passed: false, score: 40, criteria: { compliance: 0, empathy: 30 }, ...over });

export const makeCalibration = (over: Partial<CalibrationRecord> = {}): CalibrationRecord => ({
	id: `calibration-${++n}`,
	trackId: 'test-track',
	requirementId: 'calibrate',
	submittedScore: 70,
	expertScore: 72,
	submittedAt: day(1),
	...over
});

export const makeCertificate = (over: Partial<CertificateRecord> = {}): CertificateRecord => ({
	id: `certificate-${++n}`,
	trackId: 'test-track',
	cycle: 1,
	earnedAt: day(1),
	expiresAt: day(400),
	revokedAt: null,
	credentialId: null,
	...over
});

/** Builds through the schema, so defaults (retakes, validity) match real content. */
export const makeTrack = (over: Partial<z.input<typeof Track>> = {}): Track =>
	Track.parse({
		id: 'test-track',
		title: 'Test track',
		level: 1,
		skills: ['communication'],
		requirements: [{ id: 'pass-billing', kind: 'scenarios', scenarios: ['billing-dispute'], min_score: 80 }],
		...over
	});

export const makeBadge = (over: Partial<z.input<typeof Badge>> = {}): Badge =>
	Badge.parse({ id: `badge-${++n}`, title: 'A badge', description: 'Earned for something.', icon: 'star', rule: { kind: 'passes' }, ...over });

/** Compliance and documentation go to level 3, empathy to 3: the customer-service rubric's scales. */
export const customerServiceScale = (rubricId: string, criterionId: string) =>
	rubricId === 'customer-service' && ['compliance', 'empathy', 'documentation'].includes(criterionId) ? 3 : undefined;

export const makeFacts = (over: Partial<LearnerFacts> = {}): LearnerFacts => ({
	attempts: [],
	calibrations: [],
	certificates: [],
	criterionScale: customerServiceScale,
	now: day(10),
	...over
});
