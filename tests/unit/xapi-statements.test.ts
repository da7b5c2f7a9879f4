import { describe, expect, it } from 'vitest';
import { attemptStatements, type XapiAttempt } from '../../src/lib/xapi/attempt-statements';
import { certificationStatement } from '../../src/lib/xapi/certification-statement';

const attempt = (over: Partial<XapiAttempt> = {}): XapiAttempt => ({
	id: 'a1',
	email: 'rep@demo.test',
	name: 'Ray',
	scenarioId: 'billing-dispute',
	scenarioVersion: 2,
	scenarioTitle: 'Billing dispute',
	status: 'passed',
	scoreTotal: 84,
	startedAt: '2026-01-01T10:00:00.000Z',
	finishedAt: '2026-01-01T10:05:00.000Z',
	events: [
		{ seq: 1, type: 'choose', optionId: 'apologise', at: '2026-01-01T10:01:00.000Z' },
		{ seq: 2, type: 'choose', optionId: 'refund', at: '2026-01-01T10:02:00.000Z' }
	],
	...over
});
const ctx = { origin: 'https://lms.test', idFor: (name: string) => `id:${name}` };

describe('attemptStatements', () => {
	it('derives launched, one answered per choice, completed and passed with a scaled score', () => {
		const s = attemptStatements(attempt(), ctx);
		expect(s.map((x) => x.verb.display['en-US'])).toEqual(['launched', 'answered', 'answered', 'completed', 'passed']);
		expect(s[1].result).toEqual({ response: 'apologise' });
		expect(s[4].result).toEqual({ score: { scaled: 0.84, raw: 84, min: 0, max: 100 }, success: true, completion: true });
		expect(s[4].verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
		expect(s[0].actor.mbox).toBe('mailto:rep@demo.test');
		expect(s[0].object.id).toBe('https://lms.test/scenarios/billing-dispute');
		expect(s.map((x) => x.id)).toEqual(['id:a1:launched:0', 'id:a1:answered:1', 'id:a1:answered:2', 'id:a1:completed:2', 'id:a1:passed:2']);
	});

	it('gives an unfinished or abandoned attempt no completion', () => {
		expect(attemptStatements(attempt({ status: 'abandoned', finishedAt: null }), ctx).map((x) => x.verb.display['en-US'])).toEqual(['launched', 'answered', 'answered']);
	});
});

describe('certificationStatement', () => {
	it('states an earned certification against the track, linking the credential', () => {
		const s = certificationStatement({ id: 'c1', email: 'rep@demo.test', name: 'Ray', trackId: 'csr', trackTitle: 'Representative', earnedAt: '2026-02-01T00:00:00.000Z', credentialId: 'k1' }, ctx);
		expect(s.id).toBe('id:c1:earned');
		expect(s.verb).toEqual({ id: 'http://id.tincanapi.com/verb/earned', display: { 'en-US': 'earned' } });
		expect(s.object.id).toBe('https://lms.test/tracks/csr');
		expect(s.context.extensions).toEqual({ 'https://lms.test/xapi/extensions/credential': 'https://lms.test/credentials/k1' });
	});
});
