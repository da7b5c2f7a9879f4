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

export async function loadProgressionLibrary(db: Kysely<Database>): Promise<ProgressionLibrary> {
	// Scenarios are the bulk of the library: only their titles are read here.
	const [tracks, badges, rubrics, titles] = await Promise.all([
		latestVersions<Track>(db, 'track', { status: 'published' }),
		latestVersions<Badge>(db, 'badge', { status: 'published' }),
		latestVersions<Rubric>(db, 'rubric', { status: 'published' }),
		latestTitles(db, 'scenario')
	]);
	const scales = new Map(rubrics.flatMap((r) => r.definition.criteria.map((c) => [`${r.id}:${c.id}`, maxLevel(c)] as const)));
	return {
		tracks: tracks.map((t) => t.definition),
		badges: badges.map((b) => b.definition),
		scenarioTitle: (id) => titles.get(id) ?? id,
		criterionScale: (rubricId, criterionId) => scales.get(`${rubricId}:${criterionId}`)
	};
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
