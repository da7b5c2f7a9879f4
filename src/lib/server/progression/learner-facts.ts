import type { Kysely } from 'kysely';
import type { LearnerFacts } from '../../certification/evaluate-track';
import type { Badge } from '../../content/badge-schema';
import { maxLevel, type Rubric } from '../../content/rubric-schema';
import type { Track } from '../../content/track-schema';
import { loadAttemptRecords } from '../db/attempt-records';
import { listCalibrationsOf } from '../db/calibrations';
import { listCertificatesOf, type Certificate } from '../db/certifications';
import { latestTitles, latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';

/** The published library the progression rules read: tracks, badges, and the scales and titles they refer to. */
export interface ProgressionLibrary {
	tracks: Track[];
	badges: Badge[];
	scenarioTitle: (id: string) => string;
	criterionScale: LearnerFacts['criterionScale'];
}

/** Which published versions the library is made of: light rows, read every time, so any change is seen. */
async function publishedSignature(db: Kysely<Database>): Promise<string> {
	const light = (table: 'track_version' | 'badge_version' | 'rubric_version') =>
		db.selectFrom(table).select(['content_id', 'version', 'content_hash']).where('status', '=', 'published').orderBy('content_id').orderBy('version').execute();
	const kinds = await Promise.all([light('track_version'), light('badge_version'), light('rubric_version')]);
	return kinds.map((rows) => rows.map((r) => `${r.content_id}@${r.version}:${r.content_hash}`).join(',')).join('|');
}

// The parsed tracks, badges and rubric scales, reused while the published set stays the same:
// every finished attempt evaluates progression, and parsing the whole library each time was a
// visible part of a step's cost.
let parsed: { signature: string; library: Omit<ProgressionLibrary, 'scenarioTitle'> } | undefined;

export async function loadProgressionLibrary(db: Kysely<Database>): Promise<ProgressionLibrary> {
	// Scenarios are the bulk of the library: only their titles are read here.
	const [signature, titles] = await Promise.all([publishedSignature(db), latestTitles(db, 'scenario')]);
	if (parsed?.signature !== signature) {
		const [tracks, badges, rubrics] = await Promise.all([
			latestVersions<Track>(db, 'track', { status: 'published' }),
			latestVersions<Badge>(db, 'badge', { status: 'published' }),
			latestVersions<Rubric>(db, 'rubric', { status: 'published' })
		]);
		const scales = new Map(rubrics.flatMap((r) => r.definition.criteria.map((c) => [`${r.id}:${c.id}`, maxLevel(c)] as const)));
		parsed = {
			signature,
			library: {
				tracks: tracks.map((t) => t.definition),
				badges: badges.map((b) => b.definition),
				criterionScale: (rubricId, criterionId) => scales.get(`${rubricId}:${criterionId}`)
			}
		};
	}
	return { ...parsed.library, scenarioTitle: (id) => titles.get(id) ?? id };
}

export interface LoadedFacts extends LearnerFacts {
	certificates: Certificate[];
}

export async function loadLearnerFacts(db: Kysely<Database>, userId: string, library: ProgressionLibrary, now: string): Promise<LoadedFacts> {
	const [attempts, calibrations, certificates] = await Promise.all([
		loadAttemptRecords(db, userId),
		listCalibrationsOf(db, userId),
		listCertificatesOf(db, userId)
	]);
	return { attempts, calibrations, certificates, criterionScale: library.criterionScale, now };
}
