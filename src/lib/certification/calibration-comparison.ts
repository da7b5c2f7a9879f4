/**
 * QA calibration, criterion by criterion: an evaluator's scores of a recorded contact against the
 * expert's and against their peers' (everyone else who scored the same recording). Pure.
 */

/** Evaluators who differ by more than this on a criterion are flagged: the QA team's usual bar. */
export const FLAG_THRESHOLD = 10;

export interface CalibrationCriterion {
	id: string;
	label: string;
	weight: number;
}

/** Criterion id → 0–100. A criterion the expert did not score (it never came up) is left out everywhere. */
export type CriterionScores = Readonly<Record<string, number>>;

export interface PeerSpread {
	count: number;
	mean: number;
	min: number;
	max: number;
	/** Population standard deviation: how far peers typically sit from their mean. */
	spread: number;
}

export interface CriterionComparison extends CalibrationCriterion {
	mine: number;
	expert: number;
	/** mine − expert: positive when the evaluator scored it higher. */
	gap: number;
	/** More than FLAG_THRESHOLD from the expert. */
	flagged: boolean;
	peers: PeerSpread | null;
	/** mine − the peers' mean, when there are peers. */
	peerGap: number | null;
	/** More than FLAG_THRESHOLD from the peers' mean. */
	offFromPeers: boolean;
	/** The peers themselves differ by more than FLAG_THRESHOLD (highest − lowest). */
	peersDisagree: boolean;
}

export interface CalibrationComparison {
	criteria: CriterionComparison[];
	total: { mine: number; expert: number; gap: number };
	/** Passes the requirement: the total within tolerance and no criterion flagged. */
	agreed: boolean;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The QA form's total: the weight-averaged criterion scores, over the criteria that were scored. */
export function weightedTotal(criteria: readonly CalibrationCriterion[], scores: CriterionScores): number {
	const scored = criteria.filter((c) => typeof scores[c.id] === 'number');
	const weight = scored.reduce((sum, c) => sum + c.weight, 0);
	if (weight === 0) return 0;
	return oneDecimal(scored.reduce((sum, c) => sum + c.weight * scores[c.id], 0) / weight);
}

export function peerSpread(values: readonly number[]): PeerSpread | null {
	if (values.length === 0) return null;
	const mean = values.reduce((s, v) => s + v, 0) / values.length;
	const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
	return { count: values.length, mean: oneDecimal(mean), min: Math.min(...values), max: Math.max(...values), spread: oneDecimal(Math.sqrt(variance)) };
}

export interface CalibrationInput {
	/** The criteria to score: those the expert scored. */
	criteria: readonly CalibrationCriterion[];
	mine: CriterionScores;
	expert: CriterionScores;
	/** The expert's total when the track states one; else the weighted total of the expert's scores. */
	expertTotal?: number;
	/** Each peer's latest scoring of the same recording. */
	peers: readonly CriterionScores[];
	tolerance: number;
}

export function compareCalibration(input: CalibrationInput): CalibrationComparison {
	const criteria = input.criteria.map((c): CriterionComparison => {
		const mine = input.mine[c.id];
		const expert = input.expert[c.id];
		const gap = oneDecimal(mine - expert);
		const peers = peerSpread(input.peers.map((p) => p[c.id]).filter((v): v is number => typeof v === 'number'));
		const peerGap = peers ? oneDecimal(mine - peers.mean) : null;
		return {
			...c,
			mine,
			expert,
			gap,
			flagged: Math.abs(gap) > FLAG_THRESHOLD,
			peers,
			peerGap,
			offFromPeers: peerGap !== null && Math.abs(peerGap) > FLAG_THRESHOLD,
			peersDisagree: peers !== null && peers.max - peers.min > FLAG_THRESHOLD
		};
	});
	const mine = weightedTotal(input.criteria, input.mine);
	const expert = input.expertTotal ?? weightedTotal(input.criteria, input.expert);
	const gap = oneDecimal(mine - expert);
	return { criteria, total: { mine, expert, gap }, agreed: Math.abs(gap) <= input.tolerance && criteria.every((c) => !c.flagged) };
}

/** Whether stored per-criterion scores agree with the expert's on every criterion (the pass rule's second half). */
export const criteriaAgree = (pairs: readonly { score: number; expert: number }[]) => pairs.every((p) => Math.abs(p.score - p.expert) <= FLAG_THRESHOLD);
