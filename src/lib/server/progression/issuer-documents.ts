import type { Kysely } from 'kysely';
import { buildAchievement, OPEN_BADGE_CONTEXT } from '../../certification/open-badge';
import type { Track } from '../../content/track-schema';
import { latestVersions } from '../db/content-versions';
import type { Database } from '../db/schema';
import { currentIssuer } from './credentials-signing';

/** The current published definition of a track's Achievement, as its URL in credentials resolves to. */
export async function publishedAchievement(db: Kysely<Database>, trackId: string) {
	const [track] = await latestVersions<Track>(db, 'track', { status: 'published', id: trackId });
	if (!track) return undefined;
	return { '@context': [...OPEN_BADGE_CONTEXT], ...buildAchievement(currentIssuer().origin, track.definition) };
}

/** The issuer's Open Badges Profile, which every credential's `issuer.id` points at. */
export function issuerProfile() {
	const { origin, name } = currentIssuer();
	return { '@context': [...OPEN_BADGE_CONTEXT], id: `${origin}/credentials/issuer`, type: ['Profile'], name, url: origin };
}
