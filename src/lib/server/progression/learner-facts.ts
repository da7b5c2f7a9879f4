import { sql, type Kysely } from 'kysely';
import type { LearnerFacts } from '../../certification/evaluate-track';
import { criteriaReadBy } from '../../certification/requirement-progress';
import type { Badge } from '../../content/badge-schema';
import { maxLevel, type Rubric } from '../../content/rubric-schema';
import type { Track } from '../../content/track-schema';
import { criteriaReadByBadges } from '../../gamification/badges';
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
	/** The criterion ids the tracks and badges read: attempts are loaded with these criteria only. */
	ruleCriteria: readonly string[];
}

/**
 * Which published versions the library is made of: light rows of the three kinds in one query,
 * read every time, so a publish by any instance is seen at once.
 */
async function publishedSignature(db: Kysely<Database>): Promise<string> {
	const light = (table: 'track_version' | 'badge_version' | 'rubric_version') =>
		db.selectFrom(table).select([sql.lit(table).as('kind'), 'content_id', 'version', 'content_hash']).where('status', '=', 'published');
	const rows = await light('track_version').unionAll(light('badge_version')).unionAll(light('rubric_version')).execute();
	return rows
		.map((r) => `${r.kind}:${r.content_id}@${r.version}:${r.content_hash}`)
		.sort()
		.join(',');
}

// The parsed tracks, badges and rubric scales, reused while the published set stays the same:
// every finished attempt evaluates progression, and parsing the whole library each time was a
// visible part of a step's cost.
let parsed: { signature: string; library: Omit<ProgressionLibrary, 'scenarioTitle'> } | undefined;

async function parseLibrary(db: Kysely<Database>): Promise<Omit<ProgressionLibrary, 'scenarioTitle'>> {
	const [tracks, badges, rubrics] = await Promise.all([
		latestVersions<Track>(db, 'track', { status: 'published' }),
		latestVersions<Badge>(db, 'badge', { status: 'published' }),
		latestVersions<Rubric>(db, 'rubric', { status: 'published' })
	]);
	const scales = new Map(rubrics.flatMap((r) => r.definition.criteria.map((c) => [`${r.id}:${c.id}`, maxLevel(c)] as const)));
	const trackDefinitions = tracks.map((t) => t.definition);
	const badgeDefinitions = badges.map((b) => b.definition);
	return {
		tracks: trackDefinitions,
		badges: badgeDefinitions,
		criterionScale: (rubricId, criterionId) => scales.get(`${rubricId}:${criterionId}`),
		ruleCriteria: [...new Set([...trackDefinitions.flatMap((t) => criteriaReadBy(t.requirements)), ...criteriaReadByBadges(badgeDefinitions)])].sort()
	};
}

/** The newest published title of each scenario, by id; an unknown id stands for itself. */
export async function scenarioTitles(db: Kysely<Database>): Promise<(id: string) => string> {
	const titles = await latestTitles(db, 'scenario');
	return (id) => titles.get(id) ?? id;
}

/**
 * The published library. Scenarios are the bulk of it and only their titles are read, for
 * certificates and the progress page; `scenarioTitles: false` leaves them out (each id then
 * stands for its title) where nothing shows them.
 */
export async function loadProgressionLibrary(db: Kysely<Database>, options: { scenarioTitles?: boolean } = {}): Promise<ProgressionLibrary> {
	const withTitles = options.scenarioTitles ?? true;
	const [signature, scenarioTitle] = await Promise.all([publishedSignature(db), withTitles ? scenarioTitles(db) : (id: string) => id]);
	if (parsed?.signature !== signature) parsed = { signature, library: await parseLibrary(db) };
	return { ...parsed.library, scenarioTitle };
}

export interface LoadedFacts extends LearnerFacts {
	certificates: Certificate[];
}

export async function loadLearnerFacts(db: Kysely<Database>, userId: string, library: ProgressionLibrary, now: string): Promise<LoadedFacts> {
	const [attempts, calibrations, certificates] = await Promise.all([
		loadAttemptRecords(db, userId, library.ruleCriteria),
		listCalibrationsOf(db, userId),
		listCertificatesOf(db, userId)
	]);
	return { attempts, calibrations, certificates, criterionScale: library.criterionScale, now };
}
