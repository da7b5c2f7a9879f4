import type { Requirement } from '../content/track-schema';

const humanize = (id: string) => id.replace(/-/g, ' ');

/**
 * What a requirement asks, in one sentence. Used for the learner's checklist and for the
 * criteria narrative of the credential, so both always say the same thing.
 */
export function describeRequirement(req: Requirement, scenarioTitle: (id: string) => string = humanize): string {
	switch (req.kind) {
		case 'scenarios':
			return `Pass ${req.scenarios.map((id) => `"${scenarioTitle(id)}"`).join(', ')} with a score of ${req.min_score} or more`;
		case 'family': {
			const which = req.count === 1 ? `a ${humanize(req.family)} scenario` : `${req.count} different ${humanize(req.family)} scenarios`;
			const hard = req.min_difficulty > 1 ? ` at difficulty ${req.min_difficulty} or above` : '';
			return `Pass ${which}${hard}, scoring ${req.min_score} or more`;
		}
		case 'proficiency':
			return `Reach level ${req.min_level} on "${humanize(req.criterion)}" (${humanize(req.rubric)} rubric) over your recent attempts`;
		case 'calibration':
			return `Score a recorded "${scenarioTitle(req.scenario)}" conversation within ${req.tolerance} points of the QA expert`;
	}
}

export const requirementTitle = (req: Requirement, scenarioTitle?: (id: string) => string): string =>
	req.title ?? describeRequirement(req, scenarioTitle);
