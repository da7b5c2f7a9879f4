import { randomBytes } from 'node:crypto';

/**
 * Invites hand out a one-time temporary password, shown once to the admin who made it. It is long
 * and random, so it passes the password policy; the person changes it on their profile page.
 */
export const temporaryPassword = (): string => `tmp-${randomBytes(12).toString('base64url')}`;
