import type { Statement } from './attempt-statements';

export interface XapiCertification {
	id: string;
	email: string;
	name: string;
	trackId: string;
	trackTitle: string;
	earnedAt: string;
	credentialId: string | null;
}

/** The xAPI registry's "earned" verb: ADL's own list has none for certifications and badges. */
export const EARNED_VERB = 'http://id.tincanapi.com/verb/earned';

export function certificationStatement(c: XapiCertification, { origin, idFor }: { origin: string; idFor: (name: string) => string }): Statement {
	return {
		id: idFor(`${c.id}:earned`),
		actor: { objectType: 'Agent', name: c.name, mbox: `mailto:${c.email}` },
		verb: { id: EARNED_VERB, display: { 'en-US': 'earned' } },
		object: {
			objectType: 'Activity',
			id: `${origin}/tracks/${encodeURIComponent(c.trackId)}`,
			definition: { name: { 'en-US': c.trackTitle }, type: 'https://w3id.org/xapi/tla/activity-types/credential' }
		},
		result: { success: true, completion: true },
		context: {
			registration: c.id,
			extensions: c.credentialId ? { [`${origin}/xapi/extensions/credential`]: `${origin}/credentials/${c.credentialId}` } : {}
		},
		timestamp: c.earnedAt,
		stored: c.earnedAt,
		version: '1.0.3'
	};
}
