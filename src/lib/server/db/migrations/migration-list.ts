import type { Migration } from 'kysely';
import * as m0001 from './0001_people';
import * as m0002 from './0002_content_and_attempts';
import * as m0004 from './0004_progression';
import * as m0005 from './0005_assignments';
import * as m0006 from './0006_reviews';
import * as m0007 from './0007_xapi_outbox';
import * as m0008 from './0008_sign_in_limits';
import * as m0009 from './0009_scale';
import * as m0010 from './0010_analytics';
import * as m0011 from './0011_calibration';
import * as m0012 from './0012_attempt_criteria';
import * as m0013 from './0013_attempt_reading_indexes';
import * as m0014 from './0014_analytics_backfill';
import * as m0015 from './0015_criterion_window';

/** Listed statically so the production bundle carries its migrations. Append only. */
export const migrations: Record<string, Migration> = {
	'0001_people': m0001,
	'0002_content_and_attempts': m0002,
	// 0003 is reserved for play notes.
	'0004_progression': m0004,
	'0005_assignments': m0005,
	'0006_reviews': m0006,
	'0007_xapi_outbox': m0007,
	'0008_sign_in_limits': m0008,
	'0009_scale': m0009,
	'0010_analytics': m0010,
	'0011_calibration': m0011,
	'0012_attempt_criteria': m0012,
	'0013_attempt_reading_indexes': m0013,
	'0014_analytics_backfill': m0014,
	'0015_criterion_window': m0015
};
