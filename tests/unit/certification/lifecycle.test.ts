import { describe, expect, it } from 'vitest';
import { addMonths } from '$lib/certification/dates';
import { evaluateLadder, evaluateTrack, RENEWAL_WINDOW_DAYS } from '$lib/certification/evaluate-track';
import type { CertificateRecord } from '$lib/certification/records';
import { day, makeAttempt, makeCertificate, makeFacts, makeFailedAttempt, makeTrack } from '../../factories/progression-factory';

const none = new Set<string>();

describe('expiry and recertification', () => {
	const track = makeTrack({ valid_for_months: 12 });
	const certificate = makeCertificate({ earnedAt: day(1), expiresAt: day(366) });
	const earnedWith = [makeAttempt({ finishedAt: day(1) })];

	it('issues a certificate valid for the track\'s period from now', () => {
		const evaluation = evaluateTrack(track, makeFacts({ attempts: earnedWith, now: day(2) }), none);
		expect(evaluation.issue).toEqual({ cycle: 1, expiresAt: addMonths(day(2), 12) });
	});

	it('is earned while the certificate is valid, with no reminder far from expiry', () => {
		const evaluation = evaluateTrack(track, makeFacts({ attempts: earnedWith, certificates: [certificate], now: day(100) }), none);
		expect(evaluation).toMatchObject({ status: 'earned', renewal: null, issue: null });
		expect(evaluation.current?.id).toBe(certificate.id);
	});

	it(`reminds the learner from ${RENEWAL_WINDOW_DAYS} days before expiry, asking for fresh attempts`, () => {
		const evaluation = evaluateTrack(track, makeFacts({ attempts: earnedWith, certificates: [certificate], now: day(336) }), none);
		expect(evaluation).toMatchObject({ status: 'earned', renewal: { dueAt: day(366), daysLeft: 30 }, issue: null });
		expect(evaluation.requirements[0].met).toBe(false);
	});

	it('renews with an attempt inside the window, adding the period to the old expiry', () => {
		const attempts = [...earnedWith, makeAttempt({ finishedAt: day(340) })];
		const evaluation = evaluateTrack(track, makeFacts({ attempts, certificates: [certificate], now: day(341) }), none);
		expect(evaluation.issue).toEqual({ cycle: 2, expiresAt: addMonths(day(366), 12) });
	});

	it('is expired after the expiry date until recertified', () => {
		const evaluation = evaluateTrack(track, makeFacts({ attempts: earnedWith, certificates: [certificate], now: day(367) }), none);
		expect(evaluation).toMatchObject({ status: 'expired', current: null, issue: null, renewal: { daysLeft: 0 } });
	});

	it('recertifies an expired track from now, not from the lapsed date', () => {
		const attempts = [...earnedWith, makeAttempt({ finishedAt: day(400) })];
		const evaluation = evaluateTrack(track, makeFacts({ attempts, certificates: [certificate], now: day(401) }), none);
		expect(evaluation.issue).toEqual({ cycle: 2, expiresAt: addMonths(day(401), 12) });
	});
});

describe('the attempts limit', () => {
	// The default retakes: 3 failures within 30 days, then 7 days of cool-down.
	const track = makeTrack();

	it('counts recent failed attempts against the limit', () => {
		const attempts = [makeFailedAttempt({ finishedAt: day(1) }), makeFailedAttempt({ finishedAt: day(2) })];
		expect(evaluateTrack(track, makeFacts({ attempts, now: day(3) }), none).requirements[0]).toMatchObject({
			failedRecently: 2,
			maxFailed: 3,
			coolingDownUntil: null
		});
	});

	it('starts a cool-down at the limit, during which even a pass does not count', () => {
		const attempts = [1, 2, 3].map((d) => makeFailedAttempt({ finishedAt: day(d) }));
		const facts = makeFacts({ attempts: [...attempts, makeAttempt({ finishedAt: day(5) })], now: day(6) });
		const evaluation = evaluateTrack(track, facts, none);
		expect(evaluation.requirements[0]).toMatchObject({ met: false, coolingDownUntil: day(10) });
		expect(evaluation.issue).toBeNull();
	});

	it('counts passes again once the cool-down is over', () => {
		const attempts = [...[1, 2, 3].map((d) => makeFailedAttempt({ finishedAt: day(d) })), makeAttempt({ finishedAt: day(11) })];
		const evaluation = evaluateTrack(track, makeFacts({ attempts, now: day(12) }), none);
		expect(evaluation.requirements[0]).toMatchObject({ met: true, coolingDownUntil: null, failedRecently: 0 });
	});

	it('forgets failures older than the window', () => {
		const attempts = [makeFailedAttempt({ finishedAt: day(1) }), makeFailedAttempt({ finishedAt: day(2) }), makeFailedAttempt({ finishedAt: day(40) })];
		expect(evaluateTrack(track, makeFacts({ attempts, now: day(41) }), none).requirements[0]).toMatchObject({
			failedRecently: 1,
			coolingDownUntil: null
		});
	});

	it('uses the limits the track sets', () => {
		const strict = makeTrack({ retakes: { max_failed: 1, window_days: 14, cool_down_days: 3 } });
		const evaluation = evaluateTrack(strict, makeFacts({ attempts: [makeFailedAttempt({ finishedAt: day(1) })], now: day(2) }), none);
		expect(evaluation.requirements[0]).toMatchObject({ maxFailed: 1, coolingDownUntil: day(4) });
	});
});

describe('issuing, at most once', () => {
	const track = makeTrack();
	const attempts = [makeAttempt({ finishedAt: day(1) })];
	const issued = (cycle = 1, over: Partial<CertificateRecord> = {}) => makeCertificate({ cycle, earnedAt: day(2), expiresAt: addMonths(day(2), 24), ...over });

	it('gives the same answer for the same facts', () => {
		const facts = makeFacts({ attempts, now: day(2) });
		expect(evaluateTrack(track, facts, none)).toEqual(evaluateTrack(track, facts, none));
	});

	it('asks for nothing more once the certificate it asked for exists', () => {
		const evaluation = evaluateTrack(track, makeFacts({ attempts, certificates: [issued()], now: day(3) }), none);
		expect(evaluation).toMatchObject({ status: 'earned', issue: null });
		expect(evaluation.requirements.every((r) => r.met)).toBe(true);
	});

	it('does not re-issue a revoked certificate from the attempts that earned it', () => {
		const revoked = issued(1, { revokedAt: day(5) });
		const evaluation = evaluateTrack(track, makeFacts({ attempts, certificates: [revoked], now: day(6) }), none);
		expect(evaluation).toMatchObject({ status: 'in_progress', issue: null, current: null });
	});

	it('issues the next cycle after a revocation only on new attempts', () => {
		const revoked = issued(1, { revokedAt: day(5) });
		const facts = makeFacts({ attempts: [...attempts, makeAttempt({ finishedAt: day(7) })], certificates: [revoked], now: day(8) });
		expect(evaluateTrack(track, facts, none).issue).toMatchObject({ cycle: 2 });
	});
});

describe('the ladder', () => {
	const entry = makeTrack({ id: 'entry', level: 1 });
	const senior = makeTrack({ id: 'senior', level: 2, prerequisites: ['entry'] });
	const side = makeTrack({ id: 'side', level: 2, side_track: true, prerequisites: ['entry'] });

	it('lists the main ladder by level, then side tracks', () => {
		const result = evaluateLadder([side, senior, entry], makeFacts());
		expect(result.map((e) => e.trackId)).toEqual(['entry', 'senior', 'side']);
	});

	it('issues a prerequisite and the track it unlocks in the same evaluation', () => {
		const result = evaluateLadder([senior, entry], makeFacts({ attempts: [makeAttempt()] }));
		expect(result.map((e) => [e.trackId, e.issue?.cycle])).toEqual([
			['entry', 1],
			['senior', 1]
		]);
	});

	it('keeps a track locked while its prerequisite is neither held nor being issued', () => {
		const hard = makeTrack({ id: 'entry', level: 1, requirements: [{ id: 'x', kind: 'scenarios', scenarios: ['never-played'] }] });
		const result = evaluateLadder([senior, hard], makeFacts({ attempts: [makeAttempt()] }));
		expect(result[1]).toMatchObject({ trackId: 'senior', status: 'locked', issue: null });
	});
});
