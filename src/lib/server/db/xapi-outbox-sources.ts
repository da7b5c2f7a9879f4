import type { Kysely } from 'kysely';
import type { XapiAttempt } from '../../xapi/attempt-statements';
import type { XapiCertification } from '../../xapi/certification-statement';
import type { Database } from './schema';
import { attemptRows, certificationRows, toXapiCertification, withEventsAndTitles } from './xapi-source';

/*
 * What the outbox rebuilds statements from, by id: the same shapes the statements API reads
 * (db/xapi-source.ts pages by time instead), so a forwarded statement equals the served one.
 */

export async function xapiAttemptsByIds(db: Kysely<Database>, ids: string[]): Promise<XapiAttempt[]> {
	if (ids.length === 0) return [];
	return withEventsAndTitles(db, await attemptRows(db).where('a.id', 'in', ids).execute());
}

export async function xapiCertificationsByIds(db: Kysely<Database>, ids: string[]): Promise<XapiCertification[]> {
	if (ids.length === 0) return [];
	return (await certificationRows(db).where('c.id', 'in', ids).execute()).map(toXapiCertification);
}
