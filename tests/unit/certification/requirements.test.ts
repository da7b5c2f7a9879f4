import { describe, expect, it } from 'vitest';
import { evaluateTrack } from '$lib/certification/evaluate-track';
import { proficiencyLevel } from '$lib/certification/requirement-progress';
import { day, makeAttempt, makeCalibration, makeFacts, makeFailedAttempt, makeTrack } from '../../factories/progression-factory';

const requirement = (track: ReturnType<typeof makeTrack>, facts: ReturnType<typeof makeFacts>) =>
	evaluateTrack(track, facts, new Set()).requirements[0];

describe('a "scenarios" requirement', () => {
	const track = makeTrack({ requirements: [{ id: 'both', kind: 'scenarios', scenarios: ['billing-dispute', 'outage'], min_score: 85 }] });

	it('is met once every named scenario is passed at or above the score', () => {
		const attempts = [makeAttempt({ score: 85 }), makeAttempt({ scenarioId: 'outage', score: 92, finishedAt: day(2) })];
		expect(requirement(track, makeFacts({ attempts }))).toMatchObject({ met: true, current: 2, target: 2 });
	});

	it('does not count a pass below the minimum score', () => {
		const attempts = [makeAttempt({ score: 84 }), makeAttempt({ scenarioId: 'outage', score: 92 })];
		expect(requirement(track, makeFacts({ attempts }))).toMatchObject({ met: false, current: 1 });
	});

	it('does not count a failed attempt, whatever its score', () => {
		const attempts = [makeAttempt({ passed: false, score: 95 }), makeAttempt({ scenarioId: 'outage' , score: 95 })];
		expect(requirement(track, makeFacts({ attempts })).met).toBe(false);
	});
});

describe('a "family" requirement', () => {
	const track = makeTrack({
		requirements: [{ id: 'two-hard', kind: 'family', family: 'difficult-customer', count: 2, min_difficulty: 2, min_score: 80 }]
	});

	it('needs that many different scenarios of the family', () => {
		const attempts = [makeAttempt({ scenarioId: 'a' }), makeAttempt({ scenarioId: 'b', finishedAt: day(2) })];
		expect(requirement(track, makeFacts({ attempts }))).toMatchObject({ met: true, current: 2, target: 2 });
	});

	it('counts the same scenario passed twice only once', () => {
		const attempts = [makeAttempt({ scenarioId: 'a' }), makeAttempt({ scenarioId: 'a', finishedAt: day(2) })];
		expect(requirement(track, makeFacts({ attempts }))).toMatchObject({ met: false, current: 1 });
	});

	it('ignores scenarios below the difficulty and from other families', () => {
		const attempts = [
			makeAttempt({ scenarioId: 'a' }),
			makeAttempt({ scenarioId: 'easy', difficulty: 1 }),
			makeAttempt({ scenarioId: 'sales', family: 'sales-objection', rubricId: 'sales' })
		];
		expect(requirement(track, makeFacts({ attempts })).current).toBe(1);
	});
});

describe('a "proficiency" requirement', () => {
	const track = makeTrack({ requirements: [{ id: 'verify', kind: 'proficiency', rubric: 'customer-service', criterion: 'compliance', min_level: 2 }] });
	const scored = (compliance: number, d: number) => makeAttempt({ criteria: { compliance }, finishedAt: day(d) });

	it('weighs recent attempts more than old ones', () => {
		expect(proficiencyLevel([100, 0], 3)).toBeCloseTo(3 * (100 / 175), 5);
		expect(proficiencyLevel([0, 100], 3)).toBeCloseTo(3 * (75 / 175), 5);
	});

	it('is met when recent attempts have improved, even after a poor start', () => {
		const attempts = [scored(0, 1), scored(100, 2), scored(100, 3)];
		expect(requirement(track, makeFacts({ attempts }))).toMatchObject({ met: true, target: 2, samples: 3 });
	});

	it('is not met when the latest attempts slipped, even after good ones', () => {
		const attempts = [scored(100, 1), scored(100, 2), scored(0, 3), scored(0, 4)];
		expect(requirement(track, makeFacts({ attempts })).met).toBe(false);
	});

	it('needs at least two attempts that rated the criterion', () => {
		expect(requirement(track, makeFacts({ attempts: [scored(100, 1)] }))).toMatchObject({ met: false, current: 3, samples: 1 });
	});

	it('leaves out attempts where the criterion did not come up, and other rubrics', () => {
		const attempts = [
			scored(100, 1),
			makeAttempt({ criteria: { compliance: null }, finishedAt: day(2) }),
			makeAttempt({ rubricId: 'sales', criteria: { compliance: 0 }, finishedAt: day(3) })
		];
		expect(requirement(track, makeFacts({ attempts })).samples).toBe(1);
	});

	it('shows the level floored to one decimal, so a near miss never reads as the target', () => {
		const attempts = [scored(66, 1), scored(66, 2)];
		expect(requirement(track, makeFacts({ attempts }))).toMatchObject({ met: false, current: 1.9 });
	});
});

describe('a "calibration" requirement', () => {
	const track = makeTrack({
		requirements: [{ id: 'calibrate', kind: 'calibration', scenario: 'billing-dispute', recording: ['a'], tolerance: 5 }]
	});

	it('is met by a score within the tolerance of the expert', () => {
		const calibrations = [makeCalibration({ submittedScore: 67, expertScore: 72 })];
		expect(requirement(track, makeFacts({ calibrations })).met).toBe(true);
	});

	it('is not met by a score further off, in either direction', () => {
		const calibrations = [makeCalibration({ submittedScore: 66, expertScore: 72 }), makeCalibration({ submittedScore: 78, expertScore: 72 })];
		expect(requirement(track, makeFacts({ calibrations }))).toMatchObject({ met: false, failedRecently: 2 });
	});

	it('only counts calibrations made for this track and requirement', () => {
		const calibrations = [makeCalibration({ trackId: 'other-track' }), makeCalibration({ requirementId: 'other' })];
		expect(requirement(track, makeFacts({ calibrations })).met).toBe(false);
	});
});

describe('prerequisites', () => {
	const track = makeTrack({ id: 'senior', prerequisites: ['test-track'] });

	it('lock a track until the learner holds them, while progress still shows', () => {
		const evaluation = evaluateTrack(track, makeFacts({ attempts: [makeAttempt()] }), new Set());
		expect(evaluation).toMatchObject({ status: 'locked', missingPrerequisites: ['test-track'], issue: null });
		expect(evaluation.requirements[0].met).toBe(true);
	});

	it('unlock it once held', () => {
		const evaluation = evaluateTrack(track, makeFacts({ attempts: [makeAttempt()] }), new Set(['test-track']));
		expect(evaluation.status).toBe('in_progress');
		expect(evaluation.issue).toMatchObject({ cycle: 1 });
	});
});
