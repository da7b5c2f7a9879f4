import { describe, expect, it } from 'vitest';
import { can, canAssignTo, canDecideAppealOf, canSeePersonsRecord, isPublicPath, type Actor } from '../../../src/lib/server/access';
import { safeRedirectTarget } from '../../../src/lib/server/auth/sign-in-form';
import { navFor } from '../../../src/lib/server/nav/nav-for';

let n = 0;
const makeActor = (over: Partial<Actor> = {}): Actor => ({
	id: `u${++n}`,
	email: `u${n}@demo.test`,
	name: 'Test Person',
	role: 'learner',
	teamIds: [],
	...over
});

describe('access policy', () => {
	it('lets a learner practise but not author, coach or administer', () => {
		const learner = makeActor();
		expect(can(learner, 'practise')).toBe(true);
		expect(['author', 'coach', 'administer'].map((c) => can(learner, c as 'author'))).toEqual([false, false, false]);
	});

	it('gives trainers the studio and team leads the team, not each other', () => {
		expect(can(makeActor({ role: 'trainer' }), 'author')).toBe(true);
		expect(can(makeActor({ role: 'trainer' }), 'coach')).toBe(false);
		expect(can(makeActor({ role: 'team_lead' }), 'coach')).toBe(true);
		expect(can(makeActor({ role: 'team_lead' }), 'author')).toBe(false);
	});

	it('refuses everything to nobody', () => {
		expect(can(undefined, 'practise')).toBe(false);
	});

	it("shows a person's record to them, their team's lead and admins only", () => {
		const owner = { id: 'owner', teamIds: ['harbour'] };
		expect(canSeePersonsRecord(makeActor({ id: 'owner' }), owner)).toBe(true);
		expect(canSeePersonsRecord(makeActor({ role: 'team_lead', teamIds: ['harbour'] }), owner)).toBe(true);
		expect(canSeePersonsRecord(makeActor({ role: 'team_lead', teamIds: ['summit'] }), owner)).toBe(false);
		expect(canSeePersonsRecord(makeActor({ teamIds: ['harbour'] }), owner)).toBe(false);
		expect(canSeePersonsRecord(makeActor({ role: 'admin' }), owner)).toBe(true);
	});

	it('lets trainers assign anywhere, a team lead only to their own teams and people, a learner nowhere', () => {
		const lead = makeActor({ role: 'team_lead', teamIds: ['harbour'] });
		expect(canAssignTo(makeActor({ role: 'trainer' }), { teamId: 'summit' })).toBe(true);
		expect(canAssignTo(lead, { teamId: 'harbour' })).toBe(true);
		expect(canAssignTo(lead, { teamId: 'summit' })).toBe(false);
		expect(canAssignTo(lead, { userTeamIds: ['summit', 'harbour'] })).toBe(true);
		expect(canAssignTo(lead, { userTeamIds: [] })).toBe(false);
		expect(canAssignTo(makeActor(), { teamId: 'harbour' })).toBe(false);
	});

	it('lets a trainer or the learner\'s own lead decide an appeal, never the appellant', () => {
		const owner = { id: 'owner', teamIds: ['harbour'] };
		expect(canDecideAppealOf(makeActor({ role: 'trainer' }), owner)).toBe(true);
		expect(canDecideAppealOf(makeActor({ role: 'team_lead', teamIds: ['harbour'] }), owner)).toBe(true);
		expect(canDecideAppealOf(makeActor({ role: 'team_lead', teamIds: ['summit'] }), owner)).toBe(false);
		expect(canDecideAppealOf(makeActor({ role: 'admin', id: 'owner' }), owner)).toBe(false);
		expect(canDecideAppealOf(makeActor({ teamIds: ['harbour'] }), owner)).toBe(false);
	});

	it('keeps only sign-in, auth, health, credentials and well-known paths public', () => {
		expect(['/signin', '/auth/session', '/healthz', '/credentials/abc', '/.well-known/jwks.json'].every(isPublicPath)).toBe(true);
		expect(['/', '/studio', '/api/v1/scenarios', '/signin/x'].some(isPublicPath)).toBe(false);
	});
});

describe('navFor', () => {
	it('shows each role only the areas it may open', () => {
		const labels = (role: Actor['role']) => navFor(makeActor({ role })).map((l) => l.label);
		expect(labels('learner')).toEqual(['Home', 'Scenarios', 'History', 'Progress', 'Leaderboard']);
		expect(labels('trainer')).toContain('Studio');
		expect(labels('team_lead')).toContain('Team');
		expect(labels('admin')).toEqual(expect.arrayContaining(['Studio', 'Team', 'Admin']));
	});
});

describe('safeRedirectTarget', () => {
	it('keeps same-site paths and drops anything that could leave the site', () => {
		expect(safeRedirectTarget('/progress?tab=badges')).toBe('/progress?tab=badges');
		for (const bad of ['https://evil.test', '//evil.test', '/\\evil.test', 'javascript:alert(1)', null]) {
			expect(safeRedirectTarget(bad)).toBe('/');
		}
	});
});
