import type { Migration } from 'kysely';
import * as m0001 from './0001_people';

/** Listed statically so the production bundle carries its migrations. Append only. */
export const migrations: Record<string, Migration> = {
	'0001_people': m0001
};
