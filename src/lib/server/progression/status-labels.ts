import type { TrackEvaluation, TrackStatus } from '../../certification/evaluate-track';

export const TRACK_STATUS_LABELS: Record<TrackStatus, string> = {
	locked: 'Locked',
	in_progress: 'In progress',
	earned: 'Earned',
	expired: 'Expired'
};

/** "In progress (2 of 4)" or "Earned": a track's standing in a few words. */
export const standingOf = (e: TrackEvaluation): string => {
	if (e.status === 'earned' || e.status === 'locked') return TRACK_STATUS_LABELS[e.status];
	const met = e.requirements.filter((r) => r.met).length;
	return `${TRACK_STATUS_LABELS[e.status]} (${met} of ${e.requirements.length})`;
};
