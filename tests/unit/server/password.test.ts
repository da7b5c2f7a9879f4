import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/lib/server/auth/password';
import { passwordProblem } from '../../../src/lib/server/auth/password-policy';

describe('password hashing', () => {
	it('verifies the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(stored).toMatch(/^scrypt\$/);
		expect(await verifyPassword('correct horse battery', stored)).toBe(true);
		expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
	});

	it('salts every hash, so equal passwords store differently', async () => {
		expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
	});

	it('refuses a malformed stored hash instead of throwing', async () => {
		expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
	});
});

describe('passwordProblem', () => {
	it('asks for at least 12 characters', () => {
		expect(passwordProblem('short pass')).toMatch(/12 characters/);
	});

	it('refuses common passwords whatever their case', () => {
		expect(passwordProblem('Password1234')).toMatch(/too common/);
	});

	it('refuses one repeated character', () => {
		expect(passwordProblem('zzzzzzzzzzzzzz')).toBeDefined();
	});

	it('accepts a long passphrase', () => {
		expect(passwordProblem('a calm voice on a busy line')).toBeUndefined();
	});
});
