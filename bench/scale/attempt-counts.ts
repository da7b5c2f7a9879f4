/**
 * How many attempts each learner gets: between half and one and a half times the mean, by a
 * random weight each, and exactly `total` in all. Counts are the differences of the rounded
 * running share, so rounding never piles up on one learner (the generator used to hand the last
 * learner whatever was left: 984 attempts at 200,000, or a negative count at other sizes).
 */
export function attemptCounts(total: number, learners: number, random: () => number): number[] {
	if (learners <= 0) return [];
	const weights = Array.from({ length: learners }, () => 0.5 + random());
	const weightSum = weights.reduce((sum, w) => sum + w, 0);
	const counts: number[] = [];
	let before = 0;
	let cumulativeWeight = 0;
	for (const weight of weights) {
		cumulativeWeight += weight;
		const upTo = Math.round((total * cumulativeWeight) / weightSum);
		counts.push(upTo - before);
		before = upTo;
	}
	// Floating point may leave the last running share a hair off the total.
	counts[learners - 1] += total - before;
	return counts;
}
