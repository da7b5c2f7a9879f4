import type { Role } from '../db/schema';

export const DEMO_PASSWORD = 'rapport-demo';

export interface DemoPerson {
	email: string;
	name: string;
	role: Role;
	team?: string;
}

export const DEMO_TEAMS = ['Harbour Team', 'Summit Team'] as const;

/** The five accounts of the README, plus colleagues so team views and leaderboards are not empty. */
export const DEMO_PEOPLE: DemoPerson[] = [
	{ email: 'new.hire@demo.test', name: 'Noor Haddad', role: 'learner', team: 'Harbour Team' },
	{ email: 'rep@demo.test', name: 'Ray Esposito', role: 'learner', team: 'Harbour Team' },
	{ email: 'trainer@demo.test', name: 'Tamsin Okafor', role: 'trainer' },
	{ email: 'lead@demo.test', name: 'Leon Brandt', role: 'team_lead', team: 'Harbour Team' },
	{ email: 'admin@demo.test', name: 'Ada Lindqvist', role: 'admin' },
	{ email: 'mina.cho@demo.test', name: 'Mina Cho', role: 'learner', team: 'Harbour Team' },
	{ email: 'diego.ramos@demo.test', name: 'Diego Ramos', role: 'learner', team: 'Harbour Team' },
	{ email: 'priya.nair@demo.test', name: 'Priya Nair', role: 'learner', team: 'Summit Team' },
	{ email: 'sam.oconnell@demo.test', name: "Sam O'Connell", role: 'learner', team: 'Summit Team' },
	{ email: 'grace.lead@demo.test', name: 'Grace Mbeki', role: 'team_lead', team: 'Summit Team' }
];
