import type { Track } from '../content/track-schema';
import { describeRequirement } from './describe-requirement';

/** The JSON-LD contexts of an Open Badges 3.0 credential (VC Data Model 2.0). */
export const OPEN_BADGE_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
] as const;

export interface OpenBadgeFacts {
	credentialId: string;
	/** Where the app is reached; every id in the credential is a URL under it. */
	origin: string;
	issuerName: string;
	holder: { id: string; name: string; emailHash: string; emailSalt: string };
	track: Pick<Track, 'id' | 'version' | 'title' | 'description' | 'skills' | 'requirements'>;
	scenarioTitle?: (id: string) => string;
	validFrom: string;
	validUntil: string;
}

export type OpenBadgeCredential = ReturnType<typeof buildOpenBadgeCredential>;

/** "problem-solving" → "Problem solving"; a "de-" prefix keeps its hyphen ("De-escalation"). */
const skillName = (id: string) =>
	id
		.replace(/-/g, ' ')
		.replace(/\bde /g, 'de-')
		.replace(/^./, (c) => c.toUpperCase());

/** URLs of the public pages and documents that describe a credential. */
export const credentialUrls = (origin: string, credentialId: string, trackId: string) => ({
	page: `${origin}/credentials/${credentialId}`,
	achievement: `${origin}/credentials/achievements/${trackId}`,
	issuer: `${origin}/credentials/issuer`
});

/** The Achievement a track certifies: what it is, how it is earned, and the skills it aligns to. */
export function buildAchievement(origin: string, track: OpenBadgeFacts['track'], scenarioTitle?: (id: string) => string) {
	const url = `${origin}/credentials/achievements/${track.id}`;
	return {
		id: url,
		type: ['Achievement'],
		achievementType: 'Certification',
		name: track.title,
		description: track.description ?? track.title,
		version: String(track.version),
		criteria: {
			narrative: track.requirements.map((req) => `- ${req.title ?? describeRequirement(req, scenarioTitle)}`).join('\n')
		},
		alignment: track.skills.map((skill) => ({
			type: ['Alignment'],
			targetName: skillName(skill),
			targetCode: skill,
			targetType: 'ceasn:Competency',
			targetUrl: `${url}#skill-${skill}`
		})),
		tag: track.skills
	};
}

/**
 * An OpenBadgeCredential for one earned certification. The holder is named in plain text (the
 * credential is a public statement of who holds what) and identified by a salted email hash,
 * so the address itself is not published.
 */
export function buildOpenBadgeCredential(facts: OpenBadgeFacts) {
	const urls = credentialUrls(facts.origin, facts.credentialId, facts.track.id);
	return {
		'@context': [...OPEN_BADGE_CONTEXT],
		id: urls.page,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: facts.track.title,
		issuer: { id: urls.issuer, type: ['Profile'], name: facts.issuerName, url: facts.origin },
		validFrom: facts.validFrom,
		validUntil: facts.validUntil,
		credentialSubject: {
			id: `urn:uuid:${facts.holder.id}`,
			type: ['AchievementSubject'],
			identifier: [
				{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.holder.name },
				{
					type: 'IdentityObject',
					identityType: 'emailAddress',
					hashed: true,
					identityHash: `sha256$${facts.holder.emailHash}`,
					salt: facts.holder.emailSalt
				}
			],
			achievement: buildAchievement(facts.origin, facts.track, facts.scenarioTitle)
		}
	};
}

/** The registered JWT claims OB 3.0 asks for, mirroring the credential's own fields. */
export const jwtClaimsOf = (credential: OpenBadgeCredential) => ({
	iss: credential.issuer.id,
	jti: credential.id,
	sub: credential.credentialSubject.id,
	nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
	exp: Math.floor(Date.parse(credential.validUntil) / 1000)
});
