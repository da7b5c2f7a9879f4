import type { Caller, Owner, RecordKind } from './fixtures';

/**
 * Who may succeed at each page load, form action and endpoint, read from the route's code and the
 * access policy (src/lib/server/access.ts). The authorization matrix test walks src/routes and
 * fails for any route without a rule here, so a new route cannot ship without one.
 *
 * Keys are `METHOD /pattern` for loads and endpoints, `POST /pattern?/action` for named actions.
 */
export type Role = Exclude<Caller, 'anonymous'>;

export type ParamValue =
	/** A record of the person the variant names (own, teammate, other team): an attempt, an appeal, an assignment. */
	| { record: RecordKind }
	/** A fixture value: a content id, a credential id. */
	| { value: string }
	| { literal: string };

export interface Rule {
	/** Who gets through: everyone (anonymous too), anyone signed in, or these roles. */
	who: 'everyone' | 'signed-in' | readonly Role[];
	/** With a person's record in the URL: whose records each role reaches (default: only their own). */
	records?: Partial<Record<Role, readonly Owner[]>>;
	params?: Record<string, ParamValue>;
	/** A harmless form for an action, or JSON / another body for an endpoint. */
	form?: Record<string, string>;
	json?: unknown;
	body?: { type: string; text: string };
	/** The statuses that show the caller got through (a harmless body may be refused as invalid: 400/422). */
	ok: readonly number[];
	/** When an allowed answer shares a status with a refusal (404 for "not archived"), the text that tells them apart. */
	okText?: RegExp;
	/** Runs on a session of its own (signing out ends the session). */
	freshSession?: true;
}

const ADMIN = ['admin'] as const;
const AUTHORS = ['trainer', 'admin'] as const;
const COACHES = ['team_lead', 'admin'] as const;
const ASSIGNERS = ['trainer', 'team_lead', 'admin'] as const;
const DECIDERS = ['trainer', 'team_lead', 'admin'] as const;
const READERS = ['trainer', 'team_lead', 'admin'] as const;

const finished = { attemptId: { record: 'finishedAttempt' } } as const;
const live = { attemptId: { record: 'liveAttempt' } } as const;
const appeal = { appealId: { record: 'appeal' } } as const;
const assignment = { assignmentId: { record: 'assignment' } } as const;
const scenario = { id: { value: 'scenario' } } as const;
const rubric = { id: { value: 'rubric' } } as const;
const track = { id: { value: 'track' } } as const;
const studioScenario = { kind: { literal: 'scenarios' }, id: { value: 'scenario' } } as const;
const studioRubric = { kind: { literal: 'rubrics' }, id: { value: 'rubric' } } as const;
const credential = { id: { value: 'credential' } } as const;
const calibration = { trackId: { value: 'calibrationTrack' }, requirementId: { value: 'calibrationRequirement' } } as const;
/** Reviewing an attempt or deciding an appeal: a lead their team's, trainers and admins anyone's; never one's own. */
const reviewers = { team_lead: ['teammate'], trainer: ['other-team'], admin: ['other-team'] } as const;
/** Assignments to people: a lead sees those to their team (themself included), trainers and admins all. */
const assignees = { team_lead: ['own', 'teammate'], trainer: ['own', 'other-team'], admin: ['own', 'other-team'] } as const;
const REASON = 'A decision from the authorization matrix.';
const NO_YAML = { type: 'application/yaml', text: 'id: [unclosed' };

export const ROUTE_RULES: Record<string, Rule> = {
	// Public: sign-in, health, and the verification documents behind a credential.
	'GET /signin': { who: 'everyone', ok: [200, 303] },
	// Signed in, the page's load sends people home after the (refused) form.
	'POST /signin?/credentials': { who: 'everyone', form: { email: '', password: '' }, ok: [400, 303] },
	'POST /signin?/sso': { who: 'everyone', form: { providerId: 'oidc' }, ok: [302, 303, 400, 404] },
	'GET /healthz': { who: 'everyone', ok: [200] },
	'GET /.well-known/jwks.json': { who: 'everyone', ok: [200] },
	'GET /credentials/issuer': { who: 'everyone', ok: [200] },
	'GET /credentials/[id]': { who: 'everyone', params: credential, ok: [200] },
	'GET /credentials/[id]/certificate': { who: 'everyone', params: credential, ok: [200] },
	'GET /credentials/[id].json': { who: 'everyone', params: credential, ok: [200] },
	'GET /credentials/[id].jwt': { who: 'everyone', params: credential, ok: [200] },
	'GET /credentials/achievements/[trackId]': { who: 'everyone', params: { trackId: { value: 'credentialTrack' } }, ok: [200] },
	'GET /signout': { who: 'signed-in', ok: [303] },
	'POST /signout': { who: 'signed-in', form: {}, ok: [302, 303], freshSession: true },

	// Everyone signed in practises.
	'GET /': { who: 'signed-in', ok: [200] },
	'GET /scenarios': { who: 'signed-in', ok: [200] },
	'POST /scenarios?/start': { who: 'signed-in', form: {}, ok: [400] },
	'GET /progress': { who: 'signed-in', ok: [200] },
	'GET /progress/calibration/[trackId]/[requirementId]': { who: 'signed-in', params: calibration, ok: [200] },
	'POST /progress/calibration/[trackId]/[requirementId]?/submit': { who: 'signed-in', params: calibration, form: { score: 'none' }, ok: [400] },
	'GET /leaderboard': { who: 'signed-in', ok: [200] },
	'POST /leaderboard?/visibility': { who: 'signed-in', form: { optOut: 'maybe' }, ok: [200, 303, 400] },
	'GET /profile': { who: 'signed-in', ok: [200] },
	'POST /profile?/createToken': { who: 'signed-in', form: { name: '' }, ok: [400] },
	'POST /profile?/revokeToken': { who: 'signed-in', form: { tokenId: '' }, ok: [400, 404] },
	'POST /profile?/changePassword': { who: 'signed-in', form: { current: '', next: '', confirm: '' }, ok: [400] },
	'GET /notifications': { who: 'signed-in', ok: [200] },
	'POST /notifications?/markRead': { who: 'signed-in', form: {}, ok: [400] },
	'POST /notifications?/markAllRead': { who: 'signed-in', form: {}, ok: [200] },

	// A person's own attempts: nobody else's, whatever their role (reviews have their own pages).
	'GET /attempts': { who: 'signed-in', ok: [200] },
	'GET /attempts/[attemptId]': { who: 'signed-in', params: finished, ok: [200] },
	'POST /attempts/[attemptId]?/appeal': {
		who: 'signed-in',
		params: finished,
		form: { reason: 'The authorization matrix checks who may appeal this attempt.' },
		ok: [200, 409, 422]
	},
	'GET /play/[attemptId]': { who: 'signed-in', params: live, ok: [200, 303] },
	'POST /play/[attemptId]?/choose': { who: 'signed-in', params: live, form: { seq: '0', optionId: 'no-such-option' }, ok: [303, 409, 422] },
	'POST /play/[attemptId]?/abandon': { who: 'signed-in', params: live, form: {}, ok: [303] },
	'GET /api/v1/scenarios': { who: 'signed-in', ok: [200] },
	'POST /api/v1/attempts': { who: 'signed-in', json: {}, ok: [400] },
	'GET /api/v1/attempts/[id]': { who: 'signed-in', params: { id: { record: 'finishedAttempt' } }, ok: [200] },
	'POST /api/v1/attempts/[id]/steps': { who: 'signed-in', params: { id: { record: 'liveAttempt' } }, json: { seq: 0, optionId: 'no-such-option' }, ok: [409, 422] },
	'GET /api/v1/me/progress': { who: 'signed-in', ok: [200] },

	// Coaching: team leads (their teams) and admins; reviews also for whoever decides appeals.
	'GET /team': { who: COACHES, ok: [200] },
	'GET /team/calibration': { who: COACHES, ok: [200] },
	'GET /team/attempts/[attemptId]': { who: DECIDERS, params: finished, records: reviewers, ok: [200] },
	'POST /team/attempts/[attemptId]?/comment': {
		who: DECIDERS,
		params: finished,
		records: reviewers,
		form: { body: 'A comment from the authorization matrix.' },
		ok: [200]
	},
	'POST /team/attempts/[attemptId]?/editComment': { who: DECIDERS, params: finished, records: reviewers, form: {}, ok: [400] },
	'POST /team/attempts/[attemptId]?/deleteComment': { who: DECIDERS, params: finished, records: reviewers, form: {}, ok: [400] },
	'GET /api/v1/xapi/statements': { who: READERS, ok: [200] },

	// Assignments and appeals.
	'GET /assignments': { who: ASSIGNERS, ok: [200] },
	'GET /assignments/new': { who: ASSIGNERS, ok: [200] },
	'POST /assignments/new': { who: ASSIGNERS, form: {}, ok: [400] },
	'GET /assignments/[assignmentId]': { who: ASSIGNERS, params: assignment, records: assignees, ok: [200] },
	'POST /assignments/[assignmentId]?/cancel': { who: ASSIGNERS, params: assignment, records: assignees, form: {}, ok: [200, 409] },
	'GET /appeals': { who: DECIDERS, ok: [200] },
	'GET /appeals/[appealId]': { who: DECIDERS, params: appeal, records: reviewers, ok: [200] },
	// Upholding decides the appeal; whoever comes second finds it decided (409). An override without scores is 422.
	'POST /appeals/[appealId]?/uphold': { who: DECIDERS, params: appeal, records: reviewers, form: { reason: REASON }, ok: [303, 409] },
	'POST /appeals/[appealId]?/override': { who: DECIDERS, params: appeal, records: reviewers, form: { reason: REASON }, ok: [409, 422] },

	// Authoring: trainers and admins.
	'GET /studio': { who: AUTHORS, ok: [200] },
	'POST /studio?/create': { who: AUTHORS, form: {}, ok: [400] },
	'POST /studio?/duplicate': { who: AUTHORS, form: {}, ok: [400] },
	'POST /studio?/import': { who: AUTHORS, form: {}, ok: [400] },
	'POST /studio?/archive': { who: AUTHORS, form: {}, ok: [400] },
	'POST /studio?/restore': { who: AUTHORS, form: {}, ok: [400] },
	'GET /studio/scenarios/[id]': { who: AUTHORS, params: scenario, ok: [200] },
	'POST /studio/scenarios/[id]?/save': { who: AUTHORS, params: scenario, form: {}, ok: [400] },
	'POST /studio/scenarios/[id]?/publish': { who: AUTHORS, params: scenario, form: {}, ok: [200, 409, 422] },
	'POST /studio/scenarios/[id]?/restore': { who: AUTHORS, params: scenario, form: {}, ok: [404], okText: /is not archived/ },
	'POST /studio/scenarios/[id]?/playtest': { who: AUTHORS, params: scenario, form: { mood: 'calm' }, ok: [400] },
	'GET /studio/scenarios/[id]/analytics': { who: ['trainer', 'team_lead', 'admin'], params: scenario, ok: [200] },
	'GET /studio/[kind]/[id]': { who: AUTHORS, params: studioRubric, ok: [200] },
	'POST /studio/[kind]/[id]?/save': { who: AUTHORS, params: studioRubric, form: {}, ok: [400] },
	'POST /studio/[kind]/[id]?/publish': { who: AUTHORS, params: studioRubric, form: {}, ok: [200, 409, 422] },
	'POST /studio/[kind]/[id]?/restore': { who: AUTHORS, params: studioRubric, form: {}, ok: [404], okText: /is not archived/ },
	'POST /studio/[kind]/[id]/check': { who: AUTHORS, params: studioScenario, body: { type: 'application/yaml', text: 'id: billing-dispute\n' }, ok: [200] },
	'GET /studio/[kind]/[id]/versions': { who: AUTHORS, params: studioScenario, ok: [200] },
	'POST /studio/[kind]/[id]/versions?/republish': { who: AUTHORS, params: studioScenario, form: {}, ok: [400] },
	'GET /studio/[kind]/[id]/versions/[version].yaml': { who: AUTHORS, params: { ...studioScenario, version: { value: 'version' } }, ok: [200] },
	'GET /api/v1/scenarios/[id].yaml': { who: AUTHORS, params: scenario, ok: [200] },
	'PUT /api/v1/scenarios/[id]': { who: AUTHORS, params: { id: { literal: 'matrix-probe' } }, body: NO_YAML, ok: [422] },
	'POST /api/v1/scenarios/[id]/publish': { who: AUTHORS, params: scenario, json: {}, ok: [200, 409, 422] },
	'GET /api/v1/rubrics/[id].yaml': { who: AUTHORS, params: rubric, ok: [200] },
	'PUT /api/v1/rubrics/[id]': { who: AUTHORS, params: { id: { literal: 'matrix-probe' } }, body: NO_YAML, ok: [422] },
	'POST /api/v1/rubrics/[id]/publish': { who: AUTHORS, params: rubric, json: {}, ok: [200, 409, 422] },
	'GET /api/v1/tracks/[id].yaml': { who: AUTHORS, params: track, ok: [200] },
	'PUT /api/v1/tracks/[id]': { who: AUTHORS, params: { id: { literal: 'matrix-probe' } }, body: NO_YAML, ok: [422] },
	'POST /api/v1/tracks/[id]/publish': { who: AUTHORS, params: track, json: {}, ok: [200, 409, 422] },

	// Administration: admins only.
	'GET /admin': { who: ADMIN, ok: [200] },
	'GET /admin/audit': { who: ADMIN, ok: [200] },
	'GET /admin/credentials': { who: ADMIN, ok: [200] },
	'POST /admin/credentials?/revoke': { who: ADMIN, form: {}, ok: [400] },
	'GET /admin/export': { who: ADMIN, ok: [200] },
	'GET /admin/export/attempts.csv': { who: ADMIN, ok: [200] },
	'GET /admin/export/criteria.csv': { who: ADMIN, ok: [200] },
	'GET /admin/import': { who: ADMIN, ok: [200] },
	'POST /admin/import?/preview': { who: ADMIN, form: {}, ok: [400] },
	'POST /admin/import?/import': { who: ADMIN, form: {}, ok: [400] },
	'GET /admin/people': { who: ADMIN, ok: [200] },
	'POST /admin/people?/invite': { who: ADMIN, form: {}, ok: [400] },
	'POST /admin/people?/role': { who: ADMIN, form: {}, ok: [400] },
	'POST /admin/people?/active': { who: ADMIN, form: {}, ok: [400] },
	'GET /admin/teams': { who: ADMIN, ok: [200] },
	'POST /admin/teams?/create': { who: ADMIN, form: {}, ok: [400] },
	'POST /admin/teams?/rename': { who: ADMIN, form: {}, ok: [400] },
	'POST /admin/teams?/membership': { who: ADMIN, form: {}, ok: [400] },
	'GET /admin/tokens': { who: ADMIN, ok: [200] },
	'POST /admin/tokens?/revoke': { who: ADMIN, form: {}, ok: [400] },
	'GET /admin/lrs': { who: ADMIN, ok: [200] },
	'POST /admin/lrs?/retry': { who: ADMIN, form: { statementId: 'not-a-uuid' }, ok: [400] }
};
