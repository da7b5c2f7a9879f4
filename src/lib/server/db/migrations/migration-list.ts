import type { Migration } from 'kysely';
import * as m0001 from './0001_people';
import * as m0002 from './0002_content_and_attempts';
import * as m0004 from './0004_progression';

/** Listed statically so the production bundle carries its migrations. Append only. */
export const migrations: Record<string, Migration> = {
	'0001_people': m0001,
	'0002_content_and_attempts': m0002,
	// 0003 is reserved for play notes.
	'0004_progression': m0004
};
