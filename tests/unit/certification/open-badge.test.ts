import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOpenBadgeCredential, jwtClaimsOf } from '$lib/certification/open-badge';
import { signCredential } from '$lib/server/progression/credentials-signing';
import { loadOrCreateSigningKey, SIGNING_KEY_FILE, type SigningKey } from '$lib/server/progression/signing-key';
import { makeTrack } from '../../factories/progression-factory';

const credential = () =>
	buildOpenBadgeCredential({
		credentialId: '5f0c8a52-1b2c-4d3e-8f90-123456789abc',
		origin: 'https://rapport.example',
		issuerName: 'Rapport',
		holder: { id: 'user-1', name: 'Noor Haddad', emailHash: 'abc123', emailSalt: 'salt' },
		track: makeTrack({ title: 'Customer Service Representative', skills: ['communication', 'de-escalation'] }),
		validFrom: '2025-03-01T12:00:00.000Z',
		validUntil: '2027-03-01T12:00:00.000Z'
	});

describe('buildOpenBadgeCredential', () => {
	it('is an OpenBadgeCredential with the Open Badges 3.0 contexts, issuer and validity', () => {
		const c = credential();
		expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
		expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(c.id).toBe('https://rapport.example/credentials/5f0c8a52-1b2c-4d3e-8f90-123456789abc');
		expect(c.issuer).toMatchObject({ type: ['Profile'], name: 'Rapport' });
		expect(c).toMatchObject({ validFrom: '2025-03-01T12:00:00.000Z', validUntil: '2027-03-01T12:00:00.000Z' });
	});

	it('names the achievement, its criteria and the skills it aligns to', () => {
		const { achievement } = credential().credentialSubject;
		expect(achievement).toMatchObject({ type: ['Achievement'], name: 'Customer Service Representative', achievementType: 'Certification' });
		expect(achievement.criteria.narrative).toContain('Pass "billing dispute" with a score of 80 or more');
		expect(achievement.alignment.map((a) => [a.targetName, a.targetCode])).toEqual([
			['Communication', 'communication'],
			['De-escalation', 'de-escalation']
		]);
	});

	it('names the holder and identifies them by a salted email hash, never the address', () => {
		const subject = credential().credentialSubject;
		expect(subject.identifier).toEqual([
			expect.objectContaining({ identityType: 'name', hashed: false, identityHash: 'Noor Haddad' }),
			expect.objectContaining({ identityType: 'emailAddress', hashed: true, identityHash: 'sha256$abc123', salt: 'salt' })
		]);
	});

	it('mirrors the credential in the JWT claims', () => {
		const c = credential();
		expect(jwtClaimsOf(c)).toEqual({ iss: c.issuer.id, jti: c.id, sub: c.credentialSubject.id, nbf: 1740830400, exp: 1803902400 });
	});
});

describe('signing credentials', () => {
	let dir: string;
	let key: SigningKey;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'rapport-key-'));
		key = await loadOrCreateSigningKey(dir);
	});
	const keys = () => createLocalJWKSet({ keys: [key.publicJwk] });

	it('keeps an Ed25519 key in the data folder, readable by the owner only, and reuses it', async () => {
		expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
		expect(key.kid).toMatch(/^urn:ietf:params:oauth:jwk-thumbprint:sha-256:/);
		expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
		expect(key.publicJwk).not.toHaveProperty('d');
		expect((await loadOrCreateSigningKey(dir)).kid).toBe(key.kid);
	});

	it('signs a compact VC-JWT with EdDSA that verifies against the public key', async () => {
		const jwt = await signCredential(credential(), key);
		expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' });
		const { payload } = await jwtVerify(jwt, keys(), { currentDate: new Date('2026-01-01') });
		expect(payload).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'], jti: credential().id });
	});

	it('fails verification when one character of the JWT changes', async () => {
		const jwt = await signCredential(credential(), key);
		const [header, payload, signature] = jwt.split('.');
		const i = 40;
		const tampered = [header, payload.slice(0, i) + (payload[i] === 'x' ? 'y' : 'x') + payload.slice(i + 1), signature].join('.');
		await expect(jwtVerify(tampered, keys(), { currentDate: new Date('2026-01-01') })).rejects.toThrow();
	});

	it('refuses a credential past its expiry', async () => {
		await expect(jwtVerify(await signCredential(credential(), key), keys(), { currentDate: new Date('2028-01-01') })).rejects.toThrow(/exp/);
	});
});
